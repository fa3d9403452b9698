package dev.toolwarden.test.spring.app;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Boot application with the Toolwarden starter's auto-configuration: its tools are beans. */
@SpringBootApplication
public class OrdersApp {

  /** What the application's own audit sink received. */
  public static final List<AuditEvent> APP_AUDIT = new CopyOnWriteArrayList<>();

  /** The application's audit sink (e.g. to its SIEM). */
  @Bean
  AuditSink appAudit() {
    return APP_AUDIT::add;
  }
}
