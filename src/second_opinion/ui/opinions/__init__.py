"""The Opinions screen's parts: the side-by-side comparison and its pane."""
