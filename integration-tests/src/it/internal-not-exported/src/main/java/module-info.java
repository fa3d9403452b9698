/** A module that tries to use the runtime's internals. */
module com.example.sneaky {
  requires dev.toolwarden.runtime;
}
