package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnscopedObjectLookupRuleTest {

    private static final String DJANGO_VIEWS = """
            from django.shortcuts import get_object_or_404, render
            from django.views import View

            from .models import Project


            def project_detail(request, pk):
                project = get_object_or_404(Project, pk=pk, owner=request.user)
                return render(request, "project.html", {"project": project})


            def project_export(request, pk):
                project = get_object_or_404(Project.objects.select_related("team"), pk=pk)
                if project.owner_id != request.user.id:
                    raise PermissionDenied
                return render(request, "export.html", {"project": project})


            def project_delete(request, pk):
                project = Project.objects.get(pk=pk)
                project.delete()
                return redirect("projects")


            class ProjectSettings(View):
                def get(self, request, pk):
                    project = request.user.projects.get(pk=pk)
                    return render(request, "settings.html", {"project": project})
            """;

    @Test
    void aDjangoViewThatFetchesWithoutTheOwnerIsReportedWithItsSiblingsBeside() {
        Finding f = RuleCheck.only(new UnscopedObjectLookupRule(), "app/projects/views.py", DJANGO_VIEWS);
        assertEquals("py-idor-unscoped-lookup", f.rule().id());
        assertEquals(20, f.line());
        assertEquals(639, f.cwe());
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.message().startsWith("`project_delete` fetches `Project` by a key from the request with no filter "
                + "on the current user and no ownership check after, while 3 of the module's 4 routes that look up "
                + "`Project` scope it to the current user"), f.message());
        assertEquals(List.of(8, 14, 27), f.related().stream().map(FlowStep::line).toList());
        assertEquals("`project_detail` scopes it here", f.related().get(0).note());
    }

    @Test
    void fastApiRoutesScopeWithTheUserTheirDependencyGives() {
        String code = """
                from fastapi import APIRouter, Depends

                from .auth import get_current_user
                from .models import Document

                router = APIRouter()


                @router.get("/documents/{doc_id}")
                def read_document(doc_id: int, db=Depends(get_db), user=Depends(get_current_user)):
                    return db.query(Document).filter_by(id=doc_id, owner_id=user.id).one()


                @router.put("/documents/{doc_id}")
                def update_document(doc_id: int, body: dict, db=Depends(get_db), user=Depends(get_current_user)):
                    document = db.query(Document).filter(Document.id == doc_id, Document.owner_id == user.id).one()
                    document.title = body["title"]


                @router.delete("/documents/{doc_id}")
                def delete_document(doc_id: int, db=Depends(get_db), user=Depends(get_current_user)):
                    db.query(Document).filter(Document.id == doc_id).delete()
                """;
        Finding f = RuleCheck.only(new UnscopedObjectLookupRule(), "app/routers/documents.py", code);
        assertEquals(22, f.line());
    }

    @Test
    void aModuleWithoutAMajoritySaysNothing() {
        String code = DJANGO_VIEWS.replace("pk=pk, owner=request.user", "pk=pk");
        assertEquals(List.of(), RuleCheck.findings(new UnscopedObjectLookupRule(), "app/projects/views.py", code));
    }

    @Test
    void testCodeIsNotReviewed() {
        assertEquals(List.of(), RuleCheck.findings(new UnscopedObjectLookupRule(), "app/tests/test_views.py",
                DJANGO_VIEWS));
    }
}
