package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model, the serializer and the view that writes through it are three files of a Django app: the whole-tree
 * phase joins them, and reports at the serializer's Meta line what no one file shows.
 */
class SerializerMassAssignmentRuleTest {
    private static final String MODELS = """
            from django.db import models


            class Invoice(models.Model):
                amount = models.DecimalField(max_digits=10, decimal_places=2)
                owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
            """;
    private static final String SERIALIZERS = """
            from rest_framework import serializers

            from billing.models import Invoice


            class InvoiceSerializer(serializers.ModelSerializer):
                class Meta:
                    model = Invoice
                    fields = "__all__"
            """;
    private static List<Finding> reviewed(Map<String, String> files) {
        return RuleCheck.treeFindings(files, SerializerMassAssignmentRule.ID);
    }

    @Test
    void aSerializerOfAModelInAnotherFileThatAViewsetWritesThroughIsReportedAtItsMetaLine() {
        List<Finding> findings = reviewed(Map.of("billing/models.py", MODELS, "billing/serializers.py", SERIALIZERS,
                "billing/views.py", """
                        from rest_framework import viewsets

                        from billing.serializers import InvoiceSerializer


                        class InvoiceViewSet(viewsets.ModelViewSet):
                            serializer_class = InvoiceSerializer
                        """));
        assertEquals(1, findings.size(), findings::toString);
        Finding finding = findings.get(0);
        assertEquals("billing/serializers.py", finding.path());
        assertEquals(9, finding.line());
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals(Confidence.MEDIUM, finding.confidence());
        assertTrue(finding.message().contains("`owner`") && finding.message().contains("billing/views.py:6"),
                finding.message());
    }

    @Test
    void aReadOnlyViewOrAViewThatSetsTheOwnerItselfExposesNothing() {
        assertEquals(List.of(), reviewed(Map.of("billing/models.py", MODELS, "billing/serializers.py", SERIALIZERS,
                "billing/views.py", """
                        from rest_framework import generics, viewsets

                        from billing.serializers import InvoiceSerializer


                        class InvoiceList(generics.ListAPIView):
                            serializer_class = InvoiceSerializer


                        class InvoiceViewSet(viewsets.ModelViewSet):
                            serializer_class = InvoiceSerializer

                            def perform_create(self, serializer):
                                serializer.save(owner=self.request.user)
                        """)));
    }
}
