"""The Documents screen: its list, form, adding, links, viewer, and the packet's choice."""
