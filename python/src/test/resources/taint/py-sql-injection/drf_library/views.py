"""The library API: a viewset and a generic list view."""
from rest_framework import generics, viewsets
from rest_framework.response import Response

from drf_library.covers import fetch_cover, fetch_cover_by_isbn
from drf_library.models import Book
from drf_library.queries import books_sorted, books_sorted_safely, count_by_author, count_by_author_safely
from drf_library.serializers import BookSerializer, CoverSerializer


class BookViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer

    def list(self, request):
        books = books_sorted(request.query_params.get("order", "title"))
        return Response(BookSerializer(books, many=True).data)

    def retrieve(self, request, pk=None):
        books = books_sorted_safely(request.query_params.get("order", "title"))
        return Response(BookSerializer(books, many=True).data)

    def create(self, request):
        serializer = BookSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response({"count": count_by_author(serializer.validated_data["author"])})

    def update(self, request, pk=None):
        serializer = CoverSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fetch_cover(serializer.validated_data["cover_url"])
        fetch_cover_by_isbn(serializer.validated_data["isbn"])
        return Response(status=204)


class AuthorBooks(generics.ListAPIView):
    serializer_class = BookSerializer

    def get(self, request, author):
        return Response({"count": count_by_author_safely(author)})
