// Runs after the Boot example's own `mvn verify`: it built and Spring Boot packaged an executable jar, run by
// BootKeycloakOAuthTest (integration-tests, after the invoker) with Keycloak tokens.
String buildLog = new File(basedir, 'build.log').text
assert buildLog.contains('BUILD SUCCESS') : "the Boot example's build failed:\n" +
        buildLog.readLines().findAll { it.startsWith('[ERROR]') }.take(40).join('\n')
assert new File(basedir, 'target/boot-example.jar').isFile() : 'no executable jar target/boot-example.jar'
