"""What several test modules share: paths, sample content, answers, widgets, servers and builds.

Test modules import from here, never from one another.
"""
