"""A Django app's teams: the model, a form, and the views that create and edit teams."""
from django import forms
from django.db import models
from django.http import JsonResponse


class Team(models.Model):
    name = models.CharField(max_length=80)
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    is_verified = models.BooleanField(default=False)


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name"]


def create_team(request):
    # expect: py-mass-assignment
    team = Team.objects.create(**request.POST.dict())
    return JsonResponse({"id": team.pk})


def rename_team(request, pk):
    # expect: py-mass-assignment
    Team.objects.filter(pk=pk).update(**request.GET.dict())
    return JsonResponse({})


def create_team_named(request):
    # ok: py-mass-assignment
    team = Team.objects.create(name=request.POST["name"], owner=request.user)
    return JsonResponse({"id": team.pk})


def create_team_from_form(request):
    form = TeamForm(request.POST)
    if not form.is_valid():
        return JsonResponse(form.errors, status=400)
    # the form's cleaned data holds the fields its Meta lists, nothing else
    # ok: py-mass-assignment
    team = Team.objects.create(owner=request.user, **form.cleaned_data)
    return JsonResponse({"id": team.pk})
