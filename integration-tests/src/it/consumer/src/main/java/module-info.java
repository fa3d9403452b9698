/** A user's project on the module path: it reads only Toolwarden's exported API. */
module dev.toolwarden.it.consumer {
  requires dev.toolwarden.runtime;

  // on the module path, ServiceLoader reads `provides`, not META-INF/services
  provides dev.toolwarden.runtime.spi.ToolBundle with dev.toolwarden.it.consumer.Greeter_ToolBundle;
}
