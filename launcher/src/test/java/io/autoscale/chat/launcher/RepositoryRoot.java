package io.autoscale.chat.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The repository's top folder and its root pom, for tests that check files kept beside the modules. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** The nearest folder at or above the working directory that holds {@code launcher/pom.xml}. */
    static Path find() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("launcher").resolve("pom.xml"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no folder at or above " + start + " holds launcher/pom.xml");
    }

    /** A {@code <properties>} entry of the root pom.xml, such as {@code kafka.version}. */
    static String pomProperty(String name) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(find().resolve("pom.xml").toFile());
        NodeList matches = pom.getElementsByTagName(name);
        for (int i = 0; i < matches.getLength(); i++) {
            Node match = matches.item(i);
            boolean isProperty = "properties".equals(match.getParentNode().getNodeName());
            if (isProperty) {
                return match.getTextContent().strip();
            }
        }
        throw new IllegalStateException("the root pom.xml has no property " + name);
    }
}
