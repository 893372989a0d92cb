/// The application layer: the workflows the command line (and later the web app) runs — train,
/// predict, flag, hull, release, demo, ... — as plain functions over the library targets, each
/// with tests. A command parses its options, calls one workflow and prints the result it returns.
public enum CurateApp {}
