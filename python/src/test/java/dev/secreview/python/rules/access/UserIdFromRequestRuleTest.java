package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserIdFromRequestRuleTest {

    private static final String DJANGO_VIEWS = """
            from django.http import JsonResponse

            from .models import Note


            def my_notes(request):
                return JsonResponse({"notes": list(Note.objects.filter(author=request.user).values())})


            def add_note(request):
                author_id = request.POST["author_id"]
                note = Note.objects.create(author_id=author_id, text=request.POST["text"])
                return JsonResponse({"id": note.pk})
            """;

    @Test
    void aDjangoViewThatTakesTheAuthorFromThePostIsReportedWithTheStoreBeside() {
        Finding f = RuleCheck.only(new UserIdFromRequestRule(), "notes/views.py", DJANGO_VIEWS);
        assertEquals("py-user-id-from-request", f.rule().id());
        assertEquals(11, f.line());
        assertEquals(639, f.cwe());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertEquals("`add_note` takes the acting user's id from the request (`request.POST[\"author_id\"]`) and uses it "
                + "in `author_id=author_id`, while the application knows who is logged in (`request.user`, line 7): "
                + "any client can act as another user by sending that user's id.", f.message());
        assertEquals(List.of(12), f.related().stream().map(FlowStep::line).toList());
    }

    @Test
    void aModuleWithoutASessionIdentityIsAServiceApiAndSaysNothing() {
        String code = DJANGO_VIEWS.replace("Note.objects.filter(author=request.user)", "Note.objects.all()");
        assertEquals(List.of(), RuleCheck.findings(new UserIdFromRequestRule(), "notes/views.py", code));
    }
}
