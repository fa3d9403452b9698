package dev.toolwarden.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders a module's public API as sorted text lines, one per public or protected type, constructor, method
 * and field of an exported package, with generic signatures: a change to any of them changes the text.
 */
final class ApiListing {

  private ApiListing() {}

  static String render(ApiModule module) throws ClassNotFoundException {
    List<String> lines = new ArrayList<>();
    for (String name : module.exportedClassNames()) {
      Class<?> type = Class.forName(name, false, ApiListing.class.getClassLoader());
      if (!visible(type)) {
        continue;
      }
      lines.add(typeLine(type));
      // reflection returns members in no specified order (it differs between runs): sort every group
      List<String> constructors = new ArrayList<>();
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (visible(c)) {
          constructors.add("  " + c.toGenericString());
        }
      }
      constructors.sort(null);
      lines.addAll(constructors);
      List<String> members = new ArrayList<>();
      for (Method m : type.getDeclaredMethods()) {
        if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
          members.add("  " + m.toGenericString());
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (visible(f) && !f.isSynthetic()) {
          members.add("  " + f.toGenericString());
        }
      }
      members.sort(null);
      lines.addAll(members);
    }
    return String.join("\n", lines) + "\n";
  }

  private static String typeLine(Class<?> type) {
    StringBuilder b = new StringBuilder(type.toGenericString());
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
        && !type.isRecord()) {
      b.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      b.append(type.isInterface() ? " extends " : " implements ")
          .append(String.join(", ", Arrays.stream(type.getGenericInterfaces()).map(t -> t.getTypeName()).toList()));
    }
    return b.toString();
  }

  /** Public or protected, and so is every enclosing type. */
  private static boolean visible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (t.isAnonymousClass() || t.isLocalClass() || !exposed(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(Member member) {
    return exposed(member.getModifiers());
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
