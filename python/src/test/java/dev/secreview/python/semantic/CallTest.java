package dev.secreview.python.semantic;

import dev.secreview.core.model.SourceFile;
import dev.secreview.python.tree.PyNode;
import dev.secreview.python.tree.PythonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallTest {

    private static List<Call> calls(String code) {
        PythonFile file = new PythonFile(new PythonParser().parse(new SourceFile(Path.of("m.py"), "m.py", code)));
        List<Call> calls = new ArrayList<>();
        file.root().forEachDescendant(n -> {
            if (n.is("call")) calls.add(Call.of(n, file));
        });
        return calls;
    }

    @Test
    void argumentsAreSortedOut() {
        Call call = calls("import subprocess as sp\nsp.run(['ls', d], True, shell=True, cwd=p)\n").get(0);
        assertEquals("subprocess.run", call.callee());
        assertTrue(call.calls("os.system", "subprocess.run"));
        assertFalse(call.calls("subprocess.call"));
        assertEquals("run", call.name());
        assertEquals("sp", call.receiver().text());
        assertEquals("sp.run", call.function().text());
        assertEquals(List.of("['ls', d]", "True"), call.positional().stream().map(PyNode::text).toList());
        assertEquals("True", call.keyword("shell").text());
        assertEquals("shell=True", call.keywordArgument("shell").text());
        assertNull(call.keyword("timeout"));
        assertEquals(List.of("shell=True", "cwd=p"), call.keywordArguments().stream().map(PyNode::text).toList());
        assertEquals("['ls', d]", call.argument(0, "args").text());
        assertEquals("p", call.argument(5, "cwd").text());
        assertNull(call.argument(5, null));
        assertFalse(call.unpacksArguments());
        assertTrue(call.toString().startsWith("subprocess.run(...)@2"));
    }

    @Test
    void plainAndUnresolvedCalls() {
        List<Call> calls = calls("f(*args, **kwargs)\nobj.method()\n");
        Call f = calls.get(0);
        assertNull(f.callee());
        assertFalse(f.calls("f"));
        assertEquals("f", f.name());
        assertNull(f.receiver());
        assertTrue(f.unpacksArguments());
        assertTrue(f.positional().isEmpty());
        Call m = calls.get(1);
        assertEquals("method", m.name());
        assertEquals("obj", m.receiver().text());
        assertTrue(m.toString().startsWith("obj.method(...)@2"));
    }
}
