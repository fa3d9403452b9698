// Runs after the quick start's own `mvn verify` (invoker postBuildHookScript): the build succeeded, the processor ran
// in it (its bundle is registered), and Spring Boot packaged an executable jar. The jar is run by the boot tests of
// integration-tests (dev.toolwarden.it.boot), after the invoker, with real clients.
String buildLog = new File(basedir, 'build.log').text
assert buildLog.contains('BUILD SUCCESS') : "the quick start's build failed:\n" +
        buildLog.readLines().findAll { it.startsWith('[ERROR]') }.take(40).join('\n')
File services = new File(basedir, 'target/classes/META-INF/services/dev.toolwarden.runtime.spi.ToolBundle')
assert services.isFile() && services.text.contains('com.example.greeter.GreetingTools_ToolBundle') : "no generated bundle in ${services}"
File jar = new File(basedir, 'target/greeter.jar')
assert jar.isFile() : "no executable jar ${jar}"
