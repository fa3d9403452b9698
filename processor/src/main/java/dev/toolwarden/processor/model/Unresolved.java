package dev.toolwarden.processor.model;

/**
 * Thrown while reading a class whose types are not resolved yet (another processor may
 * generate them in a later round): the class is deferred by name and read again then.
 */
public final class Unresolved extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public final String typeName;
  public final transient javax.lang.model.element.Element site;

  public Unresolved(String typeName, javax.lang.model.element.Element site) {
    super(typeName, null, false, false);
    this.typeName = typeName;
    this.site = site;
  }
}
