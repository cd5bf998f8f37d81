"""French: positives and hard negatives per EVENTS.md, read with the fr lexicon.

Every article here is written for this test in the manner of the French and
francophone African press (Sahel, Central Africa, Maghreb), scraper
boilerplate included where such sites leave it.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (id, title, text, event type, subtype, words of the sentence that must be the first evidence)
POSITIVES: list[tuple[str, str, str, str, str, str]] = [
    ("visit", "Coopération : le Premier ministre burkinabè en visite de travail à Niamey",
     """Accueil > Politique

Par Salifou Garba | 3 juin 2025

Le Premier ministre du Burkina Faso, Rimtalba Jean Emmanuel Ouédraogo, est arrivé lundi soir à Niamey pour une visite de travail et d'amitié de quarante-huit heures au Niger, à la tête d'une forte délégation.

Photo : ONEP / Abdou Karimou

À sa descente d'avion, il a été accueilli par son homologue nigérien, Ali Mahaman Lamine Zeine, avec qui il doit coprésider mardi les travaux consacrés à la mise en œuvre des projets communs de la Confédération des États du Sahel.

PUBLICITÉ

Les deux chefs de gouvernement examineront notamment le corridor routier Ouagadougou-Niamey et l'interconnexion des réseaux électriques.

Lire aussi :
» Tillabéri : distribution de vivres aux ménages vulnérables
» Zinder : la campagne de vaccination prolongée

Partager : Facebook | X | WhatsApp""",
     DIP, "visit", "visite de travail et d'amitié"),
    ("call", "Entretien téléphonique entre Bassirou Diomaye Faye et Mohamed Ould Ghazouani",
     """DAKAR, 5 juin 2025 —

Le président de la République du Sénégal, Bassirou Diomaye Faye, s'est entretenu mercredi par téléphone avec son homologue mauritanien, Mohamed Ould Cheikh El Ghazouani, a indiqué la présidence dans un communiqué.

Les deux chefs d'État ont passé en revue la coopération dans le domaine de la pêche et l'exploitation commune du champ gazier situé à la frontière maritime des deux pays.

Publicité

La Rédaction

Partagez cet article""",
     DIP, "call", "s'est entretenu mercredi par téléphone"),
    ("agreement", "Côte d'Ivoire-Ghana : un accord de coopération transfrontalière signé à Abidjan",
     """Diplomatie

Les ministres des Affaires étrangères de la Côte d'Ivoire et du Ghana ont signé jeudi à Abidjan un accord de coopération transfrontalière portant sur la sécurité et la libre circulation des personnes le long de leur frontière commune.

La cérémonie s'est tenue en présence des gouverneurs des régions frontalières et des représentants des forces de défense des deux pays.

Le texte prévoit la création de patrouilles mixtes et l'harmonisation des documents de voyage délivrés aux populations riveraines.

À lire aussi
Cacao : le prix bord champ maintenu pour la campagne intermédiaire

Partager | Tweeter | Envoyer par e-mail""",
     DIP, "agreement", "ont signé jeudi à Abidjan un accord"),
    ("honour", "Fin de mission : l'ambassadeur du Maroc élevé au rang de Grand officier",
     """Libreville

Au terme de cinq années de mission au Gabon, l'ambassadeur du Royaume du Maroc, Abdellah Sbihi, a été élevé mercredi au rang de Grand officier de l'Ordre national du Mérite gabonais par le chef de l'État, Brice Clotaire Oligui Nguema.

Le diplomate marocain a remercié les autorités gabonaises pour leur accompagnement tout au long de son séjour.

Crédit photo : Présidence de la République

Lire également : Libreville : les travaux de la route de l'aéroport reprennent""",
     DIP, "honour", "élevé mercredi au rang de Grand officier"),
    ("meeting", "Tchad-Soudan : la commission mixte réunie à N'Djamena",
     """N'Djamena, le 2 juin 2025 (ATP) –

Les ministres des Affaires étrangères du Tchad et du Soudan se sont réunis lundi à N'Djamena dans le cadre de la quatrième session de la commission mixte de coopération entre les deux pays.

Les délégations ont examiné la gestion des réfugiés installés à l'est du Tchad et la sécurisation de la frontière commune.

PUBLICITÉ

Les travaux se poursuivent mardi au niveau des experts.""",
     DIP, "meeting", "se sont réunis lundi à N'Djamena"),
    ("negotiation", "Doha : Kinshasa et l'AFC/M23 entament un troisième round de négociations",
     """Grands Lacs

Les délégations du gouvernement congolais et de l'AFC/M23 ont entamé lundi à Doha un troisième round de négociations directes, facilitées par le Qatar, sur l'échange de prisonniers et le retrait des positions autour de Goma.

Aucun calendrier n'a été communiqué pour la suite des discussions.

Kivu Matin""",
     DIP, "negotiation", "un troisième round de négociations directes"),
    ("attack", "Soum : le camp militaire d'Arbinda visé par une colonne jihadiste",
     """Sécurité

Une colonne de jihadistes venus du nord a attaqué dans la nuit de samedi à dimanche le camp militaire d'Arbinda, selon des sources sécuritaires.

Après deux heures de tirs, les soldats, appuyés par des Volontaires pour la défense de la patrie, ont repoussé l'assaut et récupéré une quinzaine de motos abandonnées par les assaillants.

Photo : AIB / Archives

Lire aussi :
- Kaya : la foire agricole ouvre ses portes
- Dori : les enseignants reprennent le chemin des classes

Partager sur : Facebook | WhatsApp""",
     CLASH, "attack", "ont repoussé l'assaut"),
    ("battle", "Nord-Kivu : violents combats entre les FARDC et le M23 près de Pinga",
     """Goma, 4 juin 2025 (Kivu Matin) –

De violents affrontements ont opposé mardi les Forces armées de la République démocratique du Congo aux rebelles du M23 autour de Pinga, dans le territoire de Walikale, selon des sources locales.

Les échanges de tirs ont duré plusieurs heures et des milliers d'habitants ont fui vers Kashebere.

[Vidéo] Des déplacés arrivent à Kashebere – 01:45

© Kivu Matin – Reproduction interdite""",
     CLASH, "battle", "De violents affrontements ont opposé mardi"),
    ("strike", "Mali : frappes aériennes de l'armée contre des positions terroristes près de Ménaka",
     """Défense

L'armée malienne a mené dimanche des frappes aériennes contre des positions des terroristes de l'État islamique au Sahel dans la zone de Tidermène, près de Ménaka, a annoncé l'état-major général des armées.

Selon le communiqué, les vecteurs aériens ont détruit plusieurs véhicules et un dépôt de carburant utilisé par les combattants.

Par notre correspondant régional""",
     CLASH, "strike", "a mené dimanche des frappes aériennes"),
    ("territory", "Ituri : les rebelles s'emparent de la localité de Mambasa après des combats",
     """Bunia, 6 juin 2025 –

Les rebelles ADF se sont emparés jeudi de la localité de Mambasa, chassant les militaires de l'armée congolaise qui y tenaient un poste avancé, selon la société civile locale.

La population a fui vers les villages voisins.

Partager : Facebook · WhatsApp · X""",
     CLASH, "territory", "se sont emparés jeudi de la localité"),
    # "Depuis son élection" dates a leader's first trip; it is no domestic politics.
    ("visit-since-election", "Le président ghanéen en visite officielle à Paris", """Le président ghanéen John Dramani Mahama a été reçu jeudi à l'Élysée pour sa première visite officielle en France depuis son élection, a annoncé la présidence.
Au cours de leur entretien, les deux chefs d'État ont évoqué la coopération sécuritaire dans le golfe de Guinée.
Partager
""", DIP, "visit", "première visite officielle en France"),
    # The day between the verb of travel and the place: "s'est rendu mardi à Rabat".
    ("visit-day-between", "Le chef de la diplomatie tunisienne à Rabat",
     """Le ministre tunisien des Affaires étrangères s'est rendu mardi à Rabat pour des consultations sur la sécurité régionale avec son homologue marocain.
Les deux ministres ont annoncé la tenue d'une commission mixte à l'automne.""",
     DIP, "visit", "s'est rendu mardi à Rabat"),
]


# (id, title, text, event type that must NOT be detected)
NEGATIVES: list[tuple[str, str, str, str | tuple[str, ...]]] = [
    ("sports-choc", "Botola : le choc Raja-Wydad tourne à l'avantage des Verts",
     """Football

Le Raja de Casablanca a remporté dimanche le derby face au Wydad (2-1) au terme d'un choc intense disputé devant 45 000 spectateurs au stade Mohammed-V.

Les Verts ont lancé l'offensive dès le coup d'envoi et ouvert le score à la 14e minute sur une frappe puissante de leur attaquant.

Le Wydad a égalisé sur penalty avant que le milieu de terrain rajaoui ne donne la victoire aux siens dans les prolongations.

Les supporters des deux clubs ont brièvement affronté la police aux abords du stade après le match.

Partager : Facebook | X""", CLASH),
    ("figurative-clash", "Dakar : clash à la télévision entre deux ténors de la majorité",
     """Politique

Le débat télévisé de dimanche soir s'est terminé par un clash entre le porte-parole du gouvernement et un député frondeur, qui l'a accusé de mener une guerre des mots contre la presse.

La ministre des Finances, de son côté, a lancé une offensive de charme auprès des bailleurs pour boucler le budget rectificatif.

Par Awa Ndiaye""", CLASH),
    ("protest-police", "Conakry : heurts entre manifestants et forces de l'ordre à Hamdallaye",
     """Société

Des heurts ont opposé mercredi des manifestants aux forces de l'ordre sur l'axe Hamdallaye-Bambeto, où des jeunes protestaient contre les coupures d'électricité.

Les policiers ont fait usage de gaz lacrymogènes pour disperser les manifestants qui avaient érigé des barricades et brûlé des pneus.

Plusieurs blessés ont été signalés dans les deux camps.

Lire aussi : Conakry : hausse du prix du carburant à la pompe""", CLASH),
    ("crime", "Garoua : des coupeurs de route neutralisés après une attaque contre un bus",
     """Faits divers

Des coupeurs de route ont attaqué lundi un bus de transport interurbain sur l'axe Garoua-Ngaoundéré et dépouillé les passagers de leurs biens, a-t-on appris de sources policières.

Alertés, les gendarmes ont pris les malfaiteurs en chasse ; deux suspects ont été interpellés et placés en garde à vue.

La Rédaction""", CLASH),
    ("exercise", "Flintlock 2025 : exercice militaire conjoint en Côte d'Ivoire",
     """Défense

Plus de 1 300 militaires de trente pays participent depuis lundi à l'exercice militaire conjoint Flintlock, organisé cette année à Jacqueville et à Daloa.

Les soldats ivoiriens et leurs partenaires simulent l'assaut d'un camp terroriste et des tirs à munitions réelles dans le cadre de cet entraînement annuel.

Photo : EMGA / DR""", CLASH),
    ("arms-purchase", "Défense : l'armée nigérienne réceptionne de nouveaux drones d'attaque",
     """Sécurité

Les Forces armées nigériennes ont réceptionné mardi à Niamey un lot de drones d'attaque et de véhicules blindés livrés par la Turquie, dans le cadre d'un contrat d'armement signé l'an dernier.

Ces acquisitions doivent renforcer la lutte contre les groupes armés terroristes dans la région de Tillabéri, a déclaré le ministre de la Défense lors de la cérémonie de remise.

Partager | Imprimer""", CLASH),
    ("anniversary", "Il y a 80 ans, la bataille de Bir Hakeim",
     """Histoire

Il y a 80 ans, les Forces françaises libres résistaient pendant seize jours aux assauts de l'Afrika Korps à Bir Hakeim, dans le désert libyen.

Les commémorations organisées cette semaine ont réuni des descendants d'anciens combattants et des historiens autour du monument érigé en mémoire des soldats tombés.

Par Julien Marchal""", CLASH),
    ("threat", "Le JNIM menace de nouvelles attaques contre l'armée malienne",
     """Sécurité

Dans une vidéo diffusée dimanche, un responsable du JNIM menace de lancer de nouvelles attaques contre les positions de l'armée malienne dans la région de Ségou si les opérations se poursuivent.

L'état-major n'a pas réagi à ces menaces.""", CLASH),
    ("speculated-meeting", "Alger-Rabat : une rencontre entre les deux chefs de la diplomatie évoquée",
     """Diplomatie

Une rencontre entre les ministres des Affaires étrangères de l'Algérie et du Maroc pourrait avoir lieu en marge du sommet de l'Union africaine, selon des sources diplomatiques.

Aucune date n'a été fixée et aucune des deux capitales n'a confirmé l'information.

Lire aussi : Visas : les demandes en hausse""", DIP),
    ("cancelled-visit", "Paris-Bamako : la visite de travail du ministre annulée",
     """Diplomatie

Le déplacement à Bamako du ministre français délégué chargé de la Coopération, qui devait y effectuer une visite de travail mi-juin, a été annulé à la dernière minute par Paris, a indiqué une source diplomatique.

Publicité

Les relations entre les deux pays sont au plus bas depuis le départ des forces françaises.""", DIP),
    ("trade-statistics", "Maroc-Sénégal : les échanges commerciaux en hausse de 12 %",
     """Économie

Les échanges commerciaux entre le Maroc et le Sénégal ont progressé de 12 % en 2024 pour atteindre 4,2 milliards de dirhams, selon les chiffres publiés mardi par l'Office des changes.

Les exportations marocaines vers le Sénégal sont dominées par les produits agroalimentaires et les engrais.

Source : Office des changes""", DIP),
    ("domestic", "Matignon : le Premier ministre reçoit les syndicats sur les retraites",
     """Politique

Le Premier ministre a reçu mercredi à Matignon les responsables des syndicats et du patronat pour une réunion consacrée à la réforme des retraites, en présence de plusieurs députés de la majorité présidentielle.

La rencontre s'est achevée sans accord, selon plusieurs participants.""", DIP),
    ("sanctions-statement", "Le Mali dénonce les accusations de la CEDEAO",
     """Diplomatie

Le gouvernement de transition du Mali a rejeté lundi, dans un communiqué, les accusations portées par la CEDEAO, qu'il qualifie de « tentative de déstabilisation ».

Bamako menace de revoir l'ensemble de ses engagements régionaux si les sanctions ne sont pas levées.""", DIP),
    # "Sans date": not scheduled.
    ("fr-sans-date", "", """La visite du président sénégalais à Paris reste sans date, a indiqué l'Élysée vendredi.
Les deux capitales maintiennent des contacts réguliers.""", DIP),
    # Trial reporting retells old attacks.
    ("fr-proces", "", """Le procès de quatre accusés soupçonnés d'avoir participé à l'attaque contre le camp militaire de Boulkessi s'est ouvert lundi devant le tribunal de Bamako.
Le verdict est attendu en juillet.""", CLASH),
    # The RAID is a police unit sent against rioters, not a raid.
    ("raid-police-unit", "Violences urbaines : le RAID déployé", """Le ministre de l'Intérieur a annoncé l'envoi du RAID et de 500 gendarmes mobiles dans trois communes de l'agglomération lyonnaise après une deuxième nuit de violences urbaines.
Une quarantaine de voitures ont été incendiées et 25 personnes interpellées.
Partager
""", (CLASH,)),
    # A summit mentioned without a date, and a president meeting his own ambassadors.
    ("ambassadors-undated-summit", "Macron devant les ambassadeurs de France", """Le chef de l'État a réuni mardi les ambassadeurs de France à l'Élysée pour leur conférence annuelle.
Il a évoqué un futur sommet de l'Union pour la Méditerranée, sans en préciser la date.
Partager l'article
""", (DIP,)),
]


def test_french_boilerplate_is_dropped() -> None:
    title, text = POSITIVES[0][1], POSITIVES[0][2]
    cases.check_cleaned(text, title, ["Lire aussi", "Tillabéri : distribution", "Photo : ONEP", "Partager"], ["visite de travail et d'amitié"])


def test_french_article_with_both_types() -> None:
    text = """Politique | Sécurité

Le président congolais Félix Tshisekedi et son homologue rwandais Paul Kagame se sont rencontrés samedi à Doha, sous l'égide de l'émir du Qatar, pour un tête-à-tête consacré à la crise dans l'est de la RDC.

À des milliers de kilomètres de là, des combats ont opposé dimanche l'armée congolaise aux rebelles du M23 sur les hauteurs de Masisi, d'après des habitants.

PUBLICITÉ"""
    cases.check_reports(text, "RDC-Rwanda : tête-à-tête à Doha, combats dans le Masisi", {DIP: ("meeting", "se sont rencontrés samedi à Doha"), CLASH: ("battle", "des combats ont opposé dimanche")})


test_positive, test_hard_negative = cases.language_tests(
    "fr", [cases.positive(*r) for r in POSITIVES],
    [cases.negative(*r) for r in NEGATIVES])
