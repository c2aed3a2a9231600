"""The gazetteer: countries by name, alias or demonym; cities by name; and names that are not cities."""

import pytest

from app.extraction import places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Netherlands", "Netherlands"),
        ("the Netherlands", "Netherlands"),
        ("The Netherlands", "Netherlands"),
        ("Kingdom of the Netherlands", "Netherlands"),
        ("Holland", "Netherlands"),
        ("Republic of Korea", "South Korea"),
        ("South Korea", "South Korea"),
        ("Korea, Republic of", "South Korea"),
        ("North Korea", "North Korea"),
        ("DPRK", "North Korea"),
        ("Russian Federation", "Russia"),
        ("Russia", "Russia"),
        ("People's Republic of China", "China"),
        ("Türkiye", "Turkey"),
        ("Turkiye", "Turkey"),
        ("Turkey", "Turkey"),
        ("U.S.", "United States"),
        ("US", "United States"),
        ("USA", "United States"),
        ("U.S.A.", "United States"),
        ("United States of America", "United States"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("Czechia", "Czech Republic"),
        ("Viet Nam", "Vietnam"),
        ("Iran, Islamic Republic of", "Iran"),
        ("Moldova", "Moldova"),
        ("Republic of Moldova", "Moldova"),
        ("Kosovo", "Kosovo"),
        ("Ivory Coast", "Côte d'Ivoire"),
        ("Democratic Republic of the Congo", "Democratic Republic of the Congo"),
        ("Jordan", "Jordan"),
        ("Georgia", "Georgia"),
        ("Ukrainian", "Ukraine"),
        ("Finnish", "Finland"),
        ("Swedish", "Sweden"),
        ("Kenyan", "Kenya"),
        ("Japanese", "Japan"),
        ("British", "United Kingdom"),
        ("American", "United States"),
        ("Dutch", "Netherlands"),
        ("Emirati", "United Arab Emirates"),
        ("Dominican", "Dominican Republic"),
        ("ukrainian", "Ukraine"),
        ("UKRAINE", "Ukraine"),
        ("Ukraine's", "Ukraine"),
        ("Ukraine’s", "Ukraine"),
        ("the Netherlands'", "Netherlands"),
        ("  Finland ", "Finland"),
    ],
)
def test_country_by_name_alias_or_demonym(text, expected):
    assert places.country(text) == expected


@pytest.mark.parametrize("text", ["Kyiv", "NATO", "EU", "Zelensky", "Europe", "Korea", "", "the", "Macron's"])
def test_not_a_country(text):
    assert places.country(text) is None


# Every country of Europe and the G20 has a demonym (pycountry has none).
_EUROPE_AND_G20 = (  # noqa: SIM905 (a list literal of 63 codes would take 63 lines)
    "AD AL AM AT AZ BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GE GR HR HU IE IS IT LI LT LU LV MC MD ME MK MT NL "
    "NO PL PT RO RS RU SE SI SK SM TR UA VA XK AR AU BR CA CN ID IN JP KR MX SA US ZA"
).split()


def test_demonyms_cover_europe_and_the_g20():
    demonyms = {code for code, _ in places._tsv("demonyms.tsv")}
    assert set(_EUROPE_AND_G20) - demonyms <= {"VA"}  # the Holy See has no nationals to speak of


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Capitals, however small, and their other spellings.
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("Tbilisi", "Georgia"),
        ("Podgorica", "Montenegro"),
        ("Sarajevo", "Bosnia and Herzegovina"),
        ("Hanoi", "Vietnam"),
        ("Nairobi", "Kenya"),
        ("Tokyo", "Japan"),
        ("New Delhi", "India"),
        ("Washington", "United States"),
        ("Washington, D.C.", "United States"),
        ("Washington DC", "United States"),
        ("The Hague", "Netherlands"),
        ("the Hague", "Netherlands"),
        ("Valletta", "Malta"),
        ("Vaduz", "Liechtenstein"),
        ("Pristina", "Kosovo"),
        ("Chisinau", "Moldova"),
        ("Chișinău", "Moldova"),
        ("Astana", "Kazakhstan"),
        ("Nur-Sultan", "Kazakhstan"),
        ("Islamabad", "Pakistan"),  # not Chittagong, once so called
        ("Sofia", "Bulgaria"),
        ("Luxembourg", "Luxembourg"),
        ("Singapore", "Singapore"),
        # Cities of several continents; the most populous of a name wins.
        ("Odesa", "Ukraine"),
        ("Odessa", "Ukraine"),  # not Odessa, Texas
        ("Kharkiv", "Ukraine"),
        ("Zaporizhzhia", "Ukraine"),
        ("Irpin", "Ukraine"),
        ("Bucha", "Ukraine"),
        ("Kraków", "Poland"),
        ("Krakow", "Poland"),
        ("Rzeszów", "Poland"),
        ("Munich", "Germany"),
        ("St. Petersburg", "Russia"),  # not St. Petersburg, Florida
        ("Paris", "France"),
        ("London", "United Kingdom"),
        ("Plymouth", "United Kingdom"),  # not Montserrat's abandoned capital
        ("Lagos", "Nigeria"),
        ("Johannesburg", "South Africa"),
        ("São Paulo", "Brazil"),
        ("Sao Paulo", "Brazil"),
        ("Bogotá", "Colombia"),
        ("Toronto", "Canada"),
        ("Houston", "United States"),
        ("Osaka", "Japan"),
        ("Mumbai", "India"),
        ("Sydney", "Australia"),
        ("Auckland", "New Zealand"),
        # Places the genre meets in that GeoNames holds below the threshold or not at all.
        ("Davos", "Switzerland"),
        ("Bürgenstock", "Switzerland"),
        ("Ramstein", "Germany"),
        ("Kyiv's", "Ukraine"),
        # A city's own name beats another city's spelling: Tirana's lists "Trnava", Nice's "Nis".
        ("Trnava", "Slovakia"),
        ("Nis", "Serbia"),
    ],
)
def test_city_country(name, expected):
    assert places.city_country(name) == expected
    assert places.is_place(name)


@pytest.mark.parametrize(
    "name",
    [
        # Words and people that are also cities somewhere: not answered as cities.
        "Austin",
        "Lincoln",
        "Reading",
        "Nice",
        "Split",
        "Mobile",
        "Victoria",
        "Florence",
        "Charlotte",
        "Jackson",
        "Of",
        "Will",
        "March",
        "May",
        "Antony",
        "Vladimir",
        "Sandu",
        "Rubio",
        "Hamilton",
        "Franklin",
        "Castro",
        # Countries are not cities: Jordan (Hong Kong), Armenia (Colombia), Georgia.
        "Jordan",
        "Armenia",
        "Georgia",
        "Ukraine",
        "Ukrainian",
        # Small towns under the threshold whose names are people's.
        "Marshall",
        "Clinton",
        "Torres",
        "Adam",
        "Lopez",
        # Airport codes among GeoNames' alternate names.
        "IEV",
        "NYC",
        "",
    ],
)
def test_not_a_city(name):
    assert places.city_country(name) is None


def test_is_place():
    assert places.is_place("Ukraine")
    assert places.is_place("Finnish")
    assert places.is_place("Kyiv")
    assert not places.is_place("Austin")
    assert not places.is_place("Stoltenberg")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Kyiv", "Ukraine"), ("Kiev", "Ukraine"), ("Skopje", "North Macedonia"), ("Chisinau", "Moldova")],
)
def test_capital_country(name, expected):
    assert places.capital_country(name) == expected


@pytest.mark.parametrize("name", ["Lviv", "Odesa", "Austin", "Ukraine"])
def test_not_a_capital(name):
    assert places.capital_country(name) is None
