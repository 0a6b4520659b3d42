package app;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.xml.sax.InputSource;

public class CatalogServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getQueryString();
        XPath xpath = XPathFactory.newInstance().newXPath();
        InputSource catalog = new InputSource("catalog.xml");
        try {
            // expect: java-xpath-injection
            xpath.evaluate("/catalog/item[@id='" + id + "']/name", catalog);
            // ok: java-xpath-injection
            xpath.compile("/catalog/item[@id=$id]/name");
        } catch (XPathExpressionException e) {
            throw new IOException(e);
        }
    }
}
