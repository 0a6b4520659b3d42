"""The library API's serializers: DRF hands their hooks the client's data."""
import requests
from rest_framework import serializers

from drf_library.models import Book
from drf_library.queries import count_by_author, count_by_author_safely

COVER_SERVICE = "https://covers.example.org/api/v1/"


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["title", "author", "isbn", "cover_url"]

    def validate_author(self, value):
        if count_by_author(value) > 1000:
            raise serializers.ValidationError("too many books by this author")
        return value

    def validate_title(self, value):
        if count_by_author_safely(value) > 1000:
            raise serializers.ValidationError("too many books with this title")
        return value

    def create(self, validated_data):
        # expect: py-ssrf
        cover = requests.get(validated_data["cover_url"], timeout=5).content
        # ok: py-ssrf
        details = requests.get(COVER_SERVICE + "isbn", params={"isbn": validated_data["isbn"]}, timeout=5).json()
        book = Book.objects.create(**validated_data)
        book.cover = cover
        book.details = details
        return book


class BookQuerySerializer(serializers.Serializer):
    author = serializers.CharField()

    def author_count(self):
        """Not a hook DRF calls: the application calls it with its own data."""
        # ok: py-sql-injection
        return count_by_author(self.initial_data["author"])
