from lxml import etree


def title_query(title):
    return "//book[title='%s']" % title


def find_by_author(name):
    root = etree.parse("/srv/catalogue.xml").getroot()
    # expect: py-xpath-injection
    return root.xpath("//book[author='" + name + "']")
