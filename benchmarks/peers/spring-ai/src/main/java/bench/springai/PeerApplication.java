package bench.springai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring AI's MCP server over stdio with the start-up benchmark's tools. The profile picks the tool
 * set: {@code --spring.profiles.active=tools1} or {@code tools100}.
 */
@SpringBootApplication
public class PeerApplication {
  public static void main(String[] args) {
    SpringApplication.run(PeerApplication.class, args);
  }
}
