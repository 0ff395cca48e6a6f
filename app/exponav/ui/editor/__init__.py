"""The staff layout editor: the hall plan in edit mode, undo, live venue rules, sales."""
