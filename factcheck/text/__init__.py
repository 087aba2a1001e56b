"""Input text: split into statements with character offsets; Markdown scoping."""
