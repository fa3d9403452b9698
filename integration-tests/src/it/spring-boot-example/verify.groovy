// Runs after the Boot example's three `mvn verify` builds (invoker.properties): each packaged an executable jar,
// run by the boot tests of integration-tests (after the invoker).
String buildLog = new File(basedir, 'build.log').text
assert buildLog.contains('BUILD SUCCESS') : "the Boot example's build failed:\n" +
        buildLog.readLines().findAll { it.startsWith('[ERROR]') }.take(40).join('\n')
for (String jar : ['boot-example', 'boot-example-resource-server', 'boot-example-jetty']) {
    assert new File(basedir, "target/${jar}.jar").isFile() : "no executable jar target/${jar}.jar"
}
