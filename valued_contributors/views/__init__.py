"""The two views of every activity: live widgets in a kernel and HTML in the built book."""
