"""JupyterHub settings for serving the Valued Contributors notebooks to many learners.

Each learner gets their own single-user server, running as their own account, and the course
keeps each learner's journal (their answers) in their own home folder, readable only by them.

Use it as it is on a server where learners have accounts, or copy it into
/opt/tljh/config/jupyterhub_config.d/ on The Littlest JupyterHub (see README.md beside it).
"""

c = get_config()  # noqa: F821 (JupyterHub provides get_config when it reads this file)

# The journal lives in each learner's home folder: the course expands "~" inside the learner's
# own server, and creates the journal readable and writable by its owner only (0600).
# "update" keeps any environment variables set earlier in the configuration.
c.Spawner.environment.update({"VALUED_CONTRIBUTORS_DATA": "~/valued-contributors-journal"})

# Open JupyterLab, where the course's activities work as the notebooks describe.
c.Spawner.default_url = "/lab"
