package dev.secreview.core.cwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Facts below were checked against MITRE's cwe-archive.xml (CWE 4.15, 2024-07-16). */
class CweCatalogTest {

    private final CweCatalog catalog = CweCatalog.embedded();

    @Test
    void versionAndSize() {
        assertEquals("4.15", catalog.version());
        Collection<CweEntry> all = catalog.entries();
        assertEquals(1427, all.size());
        assertEquals(964, all.stream().filter(e -> e.kind() == CweKind.WEAKNESS).count());
        assertEquals(409, all.stream().filter(e -> e.kind() == CweKind.CATEGORY).count());
        assertEquals(54, all.stream().filter(e -> e.kind() == CweKind.VIEW).count());
    }

    @Test
    void entriesAreSortedById() {
        int last = 0;
        for (CweEntry e : catalog.entries()) {
            assertTrue(e.id() > last, "not ascending at CWE-" + e.id());
            last = e.id();
        }
        assertThrows(UnsupportedOperationException.class, () -> catalog.entries().clear());
    }

    @Test
    void xss() {
        CweEntry xss = catalog.require(79);
        assertEquals(79, xss.id());
        assertEquals(CweKind.WEAKNESS, xss.kind());
        assertTrue(xss.isWeakness());
        assertFalse(xss.isDeprecated());
        assertEquals("Base", xss.abstraction());
        assertEquals("Stable", xss.status());
        assertEquals("Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
                xss.name());
        assertEquals("CWE-79: Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
                xss.label());
        assertEquals(List.of(74), xss.researchParents());
        assertEquals(707, catalog.pillarOf(79).orElseThrow().id());
    }

    @Test
    void osCommandInjection() {
        CweEntry e = catalog.require(78);
        assertEquals("Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
                e.name());
        assertEquals(List.of(77), e.researchParents());
        assertEquals(707, catalog.pillarOf(78).orElseThrow().id());
    }

    @Test
    void weakHashPrimaryParentComesFirst() {
        CweEntry e = catalog.require(328);
        assertEquals("Use of Weak Hash", e.name());
        assertEquals("Base", e.abstraction());
        assertEquals("Draft", e.status());
        // In the XML the non-primary ChildOf 326 is listed before the Primary 327.
        assertEquals(List.of(327, 326), e.researchParents());
        assertEquals(693, catalog.pillarOf(328).orElseThrow().id());
    }

    @Test
    void moreWeaknessesAndTheirPillars() {
        assertEquals("Uncontrolled Resource Consumption", catalog.require(400).name());
        assertEquals(664, catalog.pillarOf(400).orElseThrow().id());

        assertEquals("Concurrent Execution using Shared Resource with Improper Synchronization ('Race Condition')",
                catalog.require(362).name());
        assertEquals(691, catalog.pillarOf(362).orElseThrow().id());

        CweEntry input = catalog.require(20);
        assertEquals("Improper Input Validation", input.name());
        assertEquals("Class", input.abstraction());
        assertEquals(707, catalog.pillarOf(20).orElseThrow().id());

        assertEquals(664, catalog.pillarOf(22).orElseThrow().id());
        assertEquals(707, catalog.pillarOf(89).orElseThrow().id());
        assertEquals(284, catalog.pillarOf(798).orElseThrow().id());
        assertEquals(664, catalog.pillarOf(502).orElseThrow().id());
        assertEquals(664, catalog.pillarOf(918).orElseThrow().id());
        // Compound (composite) entry
        assertEquals("Compound", catalog.require(352).abstraction());
        assertEquals(693, catalog.pillarOf(352).orElseThrow().id());
    }

    @Test
    void strayTrailingSpaceInOfficialNamesIsStripped() {
        // The XML has "Incorrect Decoding of Security Identifiers " (trailing blank).
        assertEquals("Incorrect Decoding of Security Identifiers", catalog.require(1290).name());
        assertEquals("Uncaught Exception in Servlet", catalog.require(600).name());
    }

    @Test
    void categoriesAndViews() {
        CweEntry owasp2007Xss = catalog.require(712);
        assertEquals(CweKind.CATEGORY, owasp2007Xss.kind());
        assertEquals("OWASP Top Ten 2007 Category A1 - Cross Site Scripting (XSS)", owasp2007Xss.name());
        assertEquals("-", owasp2007Xss.abstraction());
        assertTrue(owasp2007Xss.isDeprecated(), "status Obsolete counts as deprecated");
        assertTrue(owasp2007Xss.researchParents().isEmpty());
        assertFalse(owasp2007Xss.isWeakness());
        assertEquals(Optional.empty(), catalog.pillarOf(712));

        // CWE-711 is a view (not a category) in the XML.
        CweEntry owasp2004 = catalog.require(711);
        assertEquals(CweKind.VIEW, owasp2004.kind());
        assertEquals("Weaknesses in OWASP Top Ten (2004)", owasp2004.name());
        assertEquals("Obsolete", owasp2004.status());
        assertEquals(Optional.empty(), catalog.pillarOf(711));

        CweEntry research = catalog.require(1000);
        assertEquals(CweKind.VIEW, research.kind());
        assertEquals("Research Concepts", research.name());
        assertEquals(Optional.empty(), catalog.pillarOf(1000));

        CweEntry sevenPk = catalog.require(2);
        assertEquals(CweKind.CATEGORY, sevenPk.kind());
        assertEquals("7PK - Environment", sevenPk.name());
        assertFalse(sevenPk.isDeprecated());
    }

    @Test
    void deprecatedEntriesAreIncluded() {
        CweEntry e = catalog.require(71);
        assertEquals(CweKind.WEAKNESS, e.kind());
        assertEquals("Deprecated", e.status());
        assertEquals("DEPRECATED: Apple '.DS_Store'", e.name());
        assertTrue(e.isDeprecated());
        assertTrue(e.researchParents().isEmpty());
        assertEquals(Optional.empty(), catalog.pillarOf(71));

        CweEntry category = catalog.require(1);
        assertEquals(CweKind.CATEGORY, category.kind());
        assertEquals("DEPRECATED: Location", category.name());
        assertTrue(category.isDeprecated());

        assertEquals(25, catalog.entries().stream().filter(x -> x.isWeakness() && x.isDeprecated()).count());
    }

    @Test
    void tenPillars() {
        List<Integer> ids = new ArrayList<>();
        for (CweEntry p : catalog.pillars()) {
            ids.add(p.id());
            assertEquals("Pillar", p.abstraction());
            assertTrue(p.researchParents().isEmpty());
            assertSame(p, catalog.pillarOf(p.id()).orElseThrow(), "a pillar is its own pillar");
        }
        assertEquals(List.of(284, 435, 664, 682, 691, 693, 697, 703, 707, 710), ids);
        assertEquals("Improper Neutralization", catalog.require(707).name());
        assertEquals("Protection Mechanism Failure", catalog.require(693).name());
        assertEquals("Improper Control of a Resource Through its Lifetime", catalog.require(664).name());
        assertEquals("Insufficient Control Flow Management", catalog.require(691).name());
    }

    @Test
    void everyLiveWeaknessReachesAPillarAndParentsAreWeaknesses() {
        for (CweEntry e : catalog.entries()) {
            for (int parent : e.researchParents()) {
                assertTrue(catalog.require(parent).isWeakness(), e.label() + " -> " + parent);
            }
            if (e.isWeakness() && !e.isDeprecated()) {
                assertTrue(catalog.pillarOf(e.id()).isPresent(), e.label() + " has no pillar");
            }
            if (!e.isWeakness()) {
                assertEquals("-", e.abstraction(), e.label());
                assertTrue(e.researchParents().isEmpty(), e.label());
            }
        }
    }

    @Test
    void unknownIds() {
        assertEquals(Optional.empty(), catalog.find(999_999));
        assertEquals(Optional.empty(), catalog.find(0));
        assertEquals(Optional.empty(), catalog.find(-79));
        assertEquals(Optional.empty(), catalog.pillarOf(999_999));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> catalog.require(999_999));
        assertTrue(ex.getMessage().contains("CWE-999999"), ex.getMessage());
        assertTrue(ex.getMessage().contains("4.15"), ex.getMessage());
        assertEquals(79, catalog.find(79).orElseThrow().id());
    }

    @Test
    void embeddedIsCachedAndThreadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<CweCatalog>> tasks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                tasks.add(CweCatalog::embedded);
            }
            for (Future<CweCatalog> f : pool.invokeAll(tasks)) {
                assertSame(catalog, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parsingIsFast() throws IOException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (InputStream in = CweCatalog.class.getResourceAsStream(CweCatalog.RESOURCE)) {
                assertNotNull(in);
                CweCatalog parsed = CweCatalog.parse(new BufferedReader(
                        new InputStreamReader(in, StandardCharsets.UTF_8)));
                assertEquals(1427, parsed.entries().size());
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        assertTrue(best < 100_000_000L, "parse took " + best / 1_000_000 + " ms");
    }

    @Test
    void pillarOfSurvivesCycles() throws IOException {
        String tsv = "# version: test\n"
                + "1\tweakness\tBase\tDraft\tA\t2\n"
                + "2\tweakness\tClass\tDraft\tB\t1\n"
                + "3\tweakness\tPillar\tDraft\tP\t-\n"
                + "4\tweakness\tBase\tDraft\tC\t3,1\n";
        CweCatalog small = CweCatalog.parse(new BufferedReader(new StringReader(tsv)));
        assertEquals("test", small.version());
        assertEquals(Optional.empty(), small.pillarOf(1));
        assertEquals(3, small.pillarOf(4).orElseThrow().id());
        assertEquals(List.of(3), small.pillars().stream().map(CweEntry::id).toList());
    }

    @Test
    void malformedCatalogIsRejected() {
        assertThrows(IllegalStateException.class, () -> CweCatalog.parse(
                new BufferedReader(new StringReader("# version: x\n1\tweakness\tBase\n"))));
        assertThrows(IllegalStateException.class, () -> CweCatalog.parse(
                new BufferedReader(new StringReader("1\tweakness\tBase\tDraft\tA\t-\n"))));
        assertThrows(IllegalStateException.class, () -> CweCatalog.parse(
                new BufferedReader(new StringReader("# version: x\n1\tthing\tBase\tDraft\tA\t-\n"))));
        assertThrows(IllegalStateException.class, () -> CweCatalog.parse(new BufferedReader(new StringReader(
                "# version: x\n2\tweakness\tBase\tDraft\tA\t-\n1\tweakness\tBase\tDraft\tB\t-\n"))));
    }
}
