import java.util.zip.ZipFile

// Runs after the Boot example's four `mvn verify` builds (invoker.properties): each packaged an executable jar,
// run by the boot tests of integration-tests (after the invoker).
String buildLog = new File(basedir, 'build.log').text
assert buildLog.contains('BUILD SUCCESS') : "the Boot example's build failed:\n" +
        buildLog.readLines().findAll { it.startsWith('[ERROR]') }.take(40).join('\n')
for (String jar : ['boot-example', 'boot-example-resource-server', 'boot-example-jetty', 'boot-example-stdio-only']) {
    assert new File(basedir, "target/${jar}.jar").isFile() : "no executable jar target/${jar}.jar"
}

// the stdio-only profile's exclusions took: no servlet container (Tomcat, Boot's Tomcat glue) and no spring-web
List<String> stdioOnlyLibs = new ZipFile(new File(basedir, 'target/boot-example-stdio-only.jar')).withCloseable { zip ->
    zip.entries().toList()*.name.findAll { it.startsWith('BOOT-INF/lib/') && it.endsWith('.jar') }
}
assert stdioOnlyLibs.any { it.contains('toolwarden-spring-boot-starter') } : "no starter in the stdio-only jar: ${stdioOnlyLibs}"
List<String> webLibs = stdioOnlyLibs.findAll { it.contains('tomcat') || it ==~ /BOOT-INF\/lib\/spring-web-\d.*/ }
assert webLibs.isEmpty() : "the stdio-only jar has Tomcat or spring-web: ${webLibs}"
