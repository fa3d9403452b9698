package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.Elicited;
import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.ToolException;
import dev.toolwarden.runtime.spi.ElicitationForm;
import dev.toolwarden.runtime.spi.Violation;
import dev.toolwarden.runtime.spi.Violations;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated elicitation forms of every bundle, by record class: {@code ToolContext.elicit(Class, String)} finds
 * its form here (a map lookup, no reflection), asks through the era's raw {@code elicit} and binds the answer with
 * the generated reader. Built once per server.
 */
public final class ElicitationForms {

  private static final ElicitationForms NONE = new ElicitationForms(List.of(), null);

  private final Map<Class<?>, Form<?>> forms = new LinkedHashMap<>();

  private record Form<T>(ElicitationForm<T> generated, Map<String, Object> schema) {}

  /** The forms of {@code generated} (the first of a record wins: every bundle generates the same one). */
  @SuppressWarnings("unchecked")
  public ElicitationForms(List<ElicitationForm<?>> generated, McpJsonMapper json) {
    for (ElicitationForm<?> f : generated) {
      if (!forms.containsKey(f.type())) {
        try {
          forms.put(f.type(), new Form<>(f, json.readValue(f.schema(), Map.class)));
        } catch (IOException e) {
          throw new IllegalArgumentException("the elicitation form of " + f.type().getName() + " is not JSON", e);
        }
      }
    }
  }

  /** No forms (in-process handlers, features). */
  public static ElicitationForms none() {
    return NONE;
  }

  /**
   * Asks through {@code context}'s raw elicitation and binds the answer.
   *
   * @throws IllegalStateException when no bundle generated a form for {@code type} (a programming error: the call
   *     becomes an internal error whose log line says to add {@code @Elicits})
   * @throws ToolException when an accepted answer breaks the form
   */
  public <T extends Record> Elicited<T> ask(ToolContext context, Class<T> type, String message) {
    return bind(type, context.elicit(request(type, message)));
  }

  /**
   * The {@code elicitation/create} request of the form {@code type} with {@code message}.
   *
   * @throws IllegalStateException when no bundle generated a form for {@code type}
   */
  public McpSchema.ElicitRequest request(Class<? extends Record> type, String message) {
    return McpSchema.ElicitFormRequest.builder(message, form(type).schema()).build();
  }

  /**
   * The client's {@code answer} to the form {@code type}, bound and validated by the generated reader.
   *
   * @throws ToolException when an accepted answer breaks the form
   */
  public <T extends Record> Elicited<T> bind(Class<T> type, McpSchema.ElicitResult answer) {
    return bind(form(type).generated(), answer);
  }

  @SuppressWarnings("unchecked")
  private <T> Form<T> form(Class<T> type) {
    Form<T> form = (Form<T>) forms.get(type);
    if (form == null) {
      throw new IllegalStateException("no elicitation form for " + (type == null ? "null" : type.getName())
          + ": name the record in @Elicits on the tool that asks for it");
    }
    return form;
  }

  static <T> Elicited<T> bind(ElicitationForm<T> form, McpSchema.ElicitResult answer) {
    if (answer == null || answer.action() == null) {
      throw new ToolException("the client's answer to the form has no action");
    }
    switch (answer.action()) {
      case DECLINE:
        return new Elicited<>(Elicited.Action.DECLINE, null);
      case CANCEL:
        return new Elicited<>(Elicited.Action.CANCEL, null);
      default:
        break;
    }
    Violations v = new Violations();
    Map<String, Object> content = answer.content() == null ? Map.of() : answer.content();
    T value = form.reader().read(content, v);
    if (!v.isEmpty() || value == null) {
      StringBuilder b = new StringBuilder("The answer to the form broke its constraints:");
      for (Violation each : v.list()) {
        b.append('\n').append(each);
      }
      throw new ToolException(b.toString());
    }
    return new Elicited<>(Elicited.Action.ACCEPT, value);
  }
}
