"""Request documents for the billing service, built in another module."""
from xml.sax.saxutils import escape

ORDER = "<soap:Envelope><soap:Body><Order><Item>%s</Item><Quantity>%d</Quantity></Order></soap:Body></soap:Envelope>"


def order_document(item, quantity):
    return ORDER % (item, quantity)


def order_document_escaped(item):
    return "<Order><Item>" + escape(item) + "</Item></Order>"
