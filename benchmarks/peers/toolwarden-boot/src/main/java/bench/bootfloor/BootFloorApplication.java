package bench.bootfloor;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The floor of any MCP server on Spring Boot, for the stdio start-up benchmark ({@code -Dbench.bootFloor=true}, a
 * {@code BootBenchmark --stdio-variant}): the subject's jar, class path and properties, Boot's own start-up with every
 * auto-configuration but Toolwarden's, and then {@code initialize} and {@code tools/list} answered by hand with fixed
 * text — no MCP SDK, no JSON library, no schema. No framework on Boot can answer sooner than this, so its time over the
 * Spring AI peer's is the lowest ratio any Boot starter can reach on this machine. With {@code -Dbench.bootFloor=sdk}
 * the MCP Java SDK answers instead ({@link BareSdkOnBoot}): the floor of a starter built on the SDK.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = "dev.toolwarden.spring.ToolwardenAutoConfiguration")
public class BootFloorApplication {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  public static void run(String[] args, int tools) {
    SpringApplication app = new SpringApplication(BootFloorApplication.class);
    app.setDefaultProperties(java.util.Map.of("bench.floor.tools", Integer.toString(tools)));
    app.run(args);
  }

  @Bean
  ApplicationRunner answerByHand(org.springframework.core.env.Environment env) {
    int tools = Integer.parseInt(env.getProperty("bench.floor.tools", "1"));
    boolean sdk = "sdk".equals(System.getProperty("bench.bootFloor"));
    return (ApplicationArguments args) -> {
      if (sdk) {
        BareSdkOnBoot.serve(tools);
      } else {
        serve(tools);
      }
    };
  }

  private static void serve(int tools) throws java.io.IOException {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      Matcher id = ID.matcher(line);
      if (!id.find()) {
        continue; // a notification
      }
      if (line.contains("\"initialize\"")) {
        out.println("{\"jsonrpc\":\"2.0\",\"id\":" + id.group(1) + ",\"result\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"floor\",\"version\":\"1\"}}}");
      } else if (line.contains("\"tools/list\"")) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < tools; i++) {
          list.append(i == 0 ? "" : ",").append("{\"name\":\"t").append(i)
              .append("\",\"inputSchema\":{\"type\":\"object\"}}");
        }
        out.println("{\"jsonrpc\":\"2.0\",\"id\":" + id.group(1) + ",\"result\":{\"tools\":[" + list + "]}}");
      }
    }
  }
}
