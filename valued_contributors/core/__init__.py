"""Rules for everything the project reads from, or writes for, a person: one place for each.

``files``: bounded reads of user-supplied files and safe writes of exports, each failure one
sentence; ``text``: file names shown safely and broken characters mended; ``times``: the one
spelling of a saved time; ``jsontext``: JSON parsed without crashing on hostile input;
``markdown``: learner text that Markdown shows exactly as typed.
"""
