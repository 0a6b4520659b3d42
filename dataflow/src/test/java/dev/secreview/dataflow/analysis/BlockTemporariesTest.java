package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Operator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.secreview.dataflow.analysis.Ir.assign;
import static dev.secreview.dataflow.analysis.Ir.binary;
import static dev.secreview.dataflow.analysis.Ir.branch;
import static dev.secreview.dataflow.analysis.Ir.constant;
import static dev.secreview.dataflow.analysis.Ir.function;
import static dev.secreview.dataflow.analysis.Ir.global;
import static dev.secreview.dataflow.analysis.Ir.jump;
import static dev.secreview.dataflow.analysis.Ir.loadAttribute;
import static dev.secreview.dataflow.analysis.Ir.local;
import static dev.secreview.dataflow.analysis.Ir.method;
import static dev.secreview.dataflow.analysis.Ir.ret;
import static dev.secreview.dataflow.analysis.Ir.use;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which temporaries die with their block: only those no other block reads, directly or through a refinement. */
class BlockTemporariesTest {

    @Test
    void theTestOfEachBranchOfAChainDiesWithItsBlock() {
        // if x == 0: return 0 / elif x == 1: return 1 / return 2
        Function chain = function("m.f", 1, "x")
                .block(branch(local("$0"), 1, 2), assign(2, "$0", binary(Operator.EQUAL, local("x"), constant(0L))))
                .block(ret(3, constant(0L)))
                .block(branch(local("$1"), 3, 4), assign(4, "$1", binary(Operator.EQUAL, local("x"), constant(1L))))
                .block(ret(5, constant(1L)))
                .block(ret(6, constant(2L)))
                .build();

        assertEquals(List.of(Set.of("$0"), Set.of(), Set.of("$1"), Set.of(), Set.of()), BlockTemporaries.of(chain));
    }

    @Test
    void aTemporaryTwoBlocksAssignOrAnotherBlockReadsStaysAlive() {
        // y = a if c else b: both arms assign $0, the block after them reads it
        Function conditional = function("m.f", 1, "a", "b", "c")
                .block(branch(local("c"), 1, 2))
                .block(jump(3), assign(2, "$0", use(local("a"))))
                .block(jump(3), assign(2, "$0", use(local("b"))))
                .block(ret(3, local("y")), assign(2, "y", use(local("$0"))))
                .build();

        assertEquals(List.of(Set.of(), Set.of(), Set.of(), Set.of()), BlockTemporaries.of(conditional));
    }

    @Test
    void theCalleeOfACallAVariableIsMadeByStaysForTheRefinementsThatReadIt() {
        // parts = urllib.parse.urlparse(url); a later `if parts.scheme == "file"` reads how `parts` was made
        Function parse = function("m.f", 1, "url")
                .block(jump(1),
                        assign(2, "$0", loadAttribute(global("urllib"), "parse")),
                        assign(2, "parts", method(local("$0"), "urlparse", local("url"))),
                        assign(3, "$1", loadAttribute(local("parts"), "scheme")))
                .block(ret(4, local("parts")))
                .build();

        assertEquals(List.of(Set.of("$1"), Set.of()), BlockTemporaries.of(parse));
    }
}
