/// Shared code behind the command line.
public enum CurateKit {}
