"""The library API's serializers."""
from rest_framework import serializers

from drf_library.models import Book


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["title", "author", "isbn", "cover_url"]


class CoverSerializer(serializers.Serializer):
    cover_url = serializers.URLField()
    isbn = serializers.CharField(max_length=13)
