"""The course's tests (a package, so that every test module can import ``tests.helpers``)."""
