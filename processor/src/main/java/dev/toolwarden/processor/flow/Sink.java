package dev.toolwarden.processor.flow;

/**
 * One dangerous API, as data: the type that declares it (matched on the invoked method's owner and the owner's
 * supertypes), the method name ({@code <init>} for a constructor, {@code *} for every method of the type), which
 * arguments are dangerous and what they become there.
 *
 * @param owner the qualified name of the declaring type or interface
 * @param method the method name, {@code <init>} or {@code *}
 * @param kind the rule it falls under
 * @param args which arguments are checked
 * @param as what a dangerous argument becomes, for the message ("SQL text", "a URL")
 * @param resultCarries whether the result still is the argument (a {@code URI} made from it), so later sinks of
 *     other kinds still see the flow; a result that is data the sink produced (a query result) carries nothing
 */
record Sink(String owner, String method, SinkKind kind, Args args, String as, boolean resultCarries) {

  /** Which arguments of a call are checked. */
  enum Args {
    /** The first argument, if its parameter type is text-like (String, CharSequence, URI, URL, File, Path). */
    FIRST_TEXT,
    /** Every argument whose parameter type is text-like. */
    ALL_TEXT,
    /** Every argument whose parameter type is {@code java.nio.file.Path}. */
    PATH_TYPED,
    /** The first argument, whatever its type (a stream, a request, a reader). */
    FIRST_ANY,
    /** The receiver the method is called on. */
    RECEIVER,
    /** A command: a whole command line (a String) or a program with arguments (an array, list or varargs). */
    COMMAND
  }
}
