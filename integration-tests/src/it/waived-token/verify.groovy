// The build succeeded although a tool takes `String token`, because the finding carries a @Waive;
// prove that the waiver (and only it) is why, and that the security manifest lists it.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : "the waived project did not build:\n" +
        log.readLines().findAll { it.startsWith('[ERROR]') }.take(40).join('\n')
assert !log.contains('[TW-TOKEN-PASSTHROUGH]') : "the waived rule was still reported:\n${log}"

// the processor ran: the tool's bundle exists
File classes = new File(basedir, 'target/classes')
assert new File(classes, 'com/example/tools/ApiTools_ToolBundle.class').isFile() : "no generated bundle in ${classes}"

File manifestFile = new File(classes, 'META-INF/toolwarden/manifest.json')
assert manifestFile.isFile() : "no security manifest at ${manifestFile}"
def manifest = new JsonSlurper().parse(manifestFile)
assert manifest.tools.checkCode : "tool checkCode not in the manifest: ${manifest.tools.keySet()}"
assert manifest.tools.checkCode.scopes == ['tokens:check'] : "scopes: ${manifest.tools.checkCode.scopes}"
assert manifest.waivers.size() == 1 : "expected exactly one waiver: ${manifest.waivers}"
def waiver = manifest.waivers[0]
assert waiver.rule == 'TW-TOKEN-PASSTHROUGH' : "waiver: ${waiver}"
assert waiver.reason == 'a one-time sign-up code the user types, not a credential of the caller' : "waiver: ${waiver}"
assert waiver.element == 'com.example.tools.ApiTools#checkCode()/token' : "waiver element: ${waiver.element}"
println "waiver listed in the manifest: ${waiver}"
return true
