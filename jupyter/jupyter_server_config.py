"""Settings for JupyterLab and Notebook 7 when they serve this course (`make lab` uses them).

Course notebooks are saved without outputs, so a learner's answers never enter their files.
"""

from valued_contributors.notebook_files import strip_before_save

c = get_config()  # noqa: F821 (defined by Jupyter when it reads this file)
c.ContentsManager.pre_save_hook = strip_before_save
