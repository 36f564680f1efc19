def earlier = new File(basedir, 'target/generated-sources/autocoder/com/example/Earlier.java')
earlier.parentFile.mkdirs()
earlier.text = 'package com.example;\n\npublic class Earlier {\n}\n'
true
