"""Knowledge sources behind one small interface, and the registry that names them."""
