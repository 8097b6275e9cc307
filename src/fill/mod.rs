//! Form fill: the console origin policy and the plan that maps field descriptors to values.
