package com.example.bootexample;

import dev.toolwarden.examples.OrderTools;
import dev.toolwarden.examples.ReportTools;
import dev.toolwarden.examples.WorkspaceTools;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The example server's tools as beans; the workspace root is toolwarden.root.workspace (TOOLWARDEN_ROOT_WORKSPACE). */
@SpringBootApplication
public class BootExampleApplication {

  public static void main(String[] args) {
    SpringApplication.run(BootExampleApplication.class, args);
  }

  @Bean
  WorkspaceTools workspaceTools() {
    return new WorkspaceTools();
  }

  @Bean
  OrderTools orderTools() {
    return OrderTools.demo();
  }

  @Bean
  ReportTools reportTools() {
    return new ReportTools();
  }
}
