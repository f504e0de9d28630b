"""The check that no English is left in a French or Spanish page finds English, and only English."""
from dev.english import english_stretches


def test_english_is_found_in_a_french_page():
    html = ('<html lang="fr"><body><p>Le Comité contre la torture examine les rapports des États parties.</p>'
            '<p>The committee reviews the reports of the States parties every four years.</p></body></html>')
    assert english_stretches(html, "fr") == ["The committee reviews the reports of the States parties every four years."]


def test_text_marked_as_english_code_and_names_are_left_out():
    html = ('<html lang="es"><body><blockquote lang="en"><p>The State party should ensure that the NPM is '
            'funded.</p></blockquote><p>El Estado debe financiar el MNP (<span lang="en">National Preventive '
            'Mechanism</span>).</p><pre>python -m course class release upr --lang es</pre>'
            '<p>CAT, SPT, OPCAT, EPU, CIDH</p></body></html>')
    assert english_stretches(html, "es") == []


def test_english_in_a_label_or_alternative_text_is_found():
    html = '<html lang="fr"><body><button aria-label="Show or hide the pages in this part">+</button></body></html>'
    assert english_stretches(html, "fr") == ["Show or hide the pages in this part"]
