"""Spanish: positives and hard negatives per EVENTS.md, read with the es lexicon.

Every article here is written for this test in the manner of the Spanish and
Latin American press (Colombia, Mexico, Peru, the Southern Cone, wire copy
from Madrid), scraper boilerplate included where such sites leave it.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (id, title, text, event type, subtype, words of the sentence that must be the first evidence)
POSITIVES: list[tuple[str, str, str, str, str, str]] = [
    ("visit", "Arévalo llega a México en visita oficial para hablar de migración y comercio",
     """Internacional

El presidente de Guatemala, Bernardo Arévalo, inició este martes en la Ciudad de México una visita oficial de dos días, la primera desde que asumió el cargo.

Foto: Presidencia de Guatemala

El mandatario guatemalteco será recibido en Palacio Nacional por la presidenta Claudia Sheinbaum, con quien abordará la cooperación en la frontera sur y los proyectos del Tren Maya.

PUBLICIDAD

Lee también:
- Precio del dólar: el peso abre al alza
- Clima en CDMX: lluvias fuertes por la tarde

Compartir en: Facebook | X | WhatsApp""",
     DIP, "visit", "una visita oficial de dos días"),
    ("call", "Cancilleres de Argentina y Chile conversan por teléfono sobre el paso Cristo Redentor",
     """Política

El canciller argentino, Gerardo Werthein, mantuvo este lunes una conversación telefónica con su par chileno, Alberto van Klaveren, para coordinar la reapertura del paso Cristo Redentor, que une Mendoza con Chile y permanece cerrado por las nevadas.

Ambos ministros acordaron reforzar la asistencia a los camioneros varados a ambos lados de la cordillera.

Compartí esta nota""",
     DIP, "call", "conversación telefónica con su par chileno"),
    ("agreement", "Perú y Ecuador firman un acuerdo para el mantenimiento del Canal de Zarumilla",
     """Boletín de prensa

Los ministros de Relaciones Exteriores del Perú y del Ecuador firmaron este jueves en Tumbes un acuerdo de cooperación para el mantenimiento y la limpieza del Canal de Zarumilla, que marca la frontera entre ambos países.

El convenio prevé la creación de una comisión técnica binacional que se reunirá cada seis meses.

Imagen: Cancillería del Perú

Dirección de Comunicación Social""",
     DIP, "agreement", "firmaron este jueves en Tumbes un acuerdo de cooperación"),
    ("honour", "El Gobierno peruano condecora al embajador de España con la Orden del Sol",
     """Diplomacia

El canciller del Perú impuso este miércoles las insignias de la Orden El Sol del Perú en el grado de Gran Cruz al embajador de España en Lima, en reconocimiento a su labor en favor de las relaciones entre ambos países.

La ceremonia se celebró en el Palacio de Torre Tagle con la presencia de miembros del cuerpo diplomático.

Te puede interesar:
· Lima: reabren el Museo de Arte tras su remodelación""",
     DIP, "honour", "impuso este miércoles las insignias"),
    ("meeting", "Cumbre de Mercosur: Lula y Milei se reúnen en Montevideo",
     """Internacional | Política

Los presidentes de Brasil y Argentina, Luiz Inácio Lula da Silva y Javier Milei, se reunieron este viernes en Montevideo al margen de la cumbre del Mercosur, en su primer encuentro bilateral.

Según fuentes de ambas cancillerías, la reunión duró cuarenta minutos y se centró en el comercio automotor.

PUBLICIDAD

Por Redacción""",
     DIP, "meeting", "se reunieron este viernes en Montevideo"),
    ("negotiation", "Gobierno y ELN retoman en Caracas el ciclo de negociaciones",
     """Paz

Las delegaciones del Gobierno de Colombia y del ELN instalaron este lunes en Caracas un nuevo ciclo de negociaciones, con el acompañamiento de los países garantes Cuba, Noruega y Venezuela.

Los negociadores discutirán durante diez días el mecanismo de participación de la sociedad civil.

Lea también: Bogotá: así funcionará el pico y placa en junio""",
     DIP, "negotiation", "un nuevo ciclo de negociaciones"),
    ("attack", "Disidencias atacan con explosivos la base militar de Balboa, en el Cauca",
     """Orden público

Hombres de las disidencias de las FARC atacaron en la madrugada de este domingo la base militar del batallón de alta montaña en Balboa, sur del Cauca, con drones cargados de explosivos y ráfagas de fusil.

Los soldados respondieron al fuego y el hostigamiento se prolongó durante dos horas, según la Tercera División del Ejército.

PUBLICIDAD

Con información de la Tercera División.

Compartir: Facebook | X | WhatsApp""",
     CLASH, "attack", "atacaron en la madrugada de este domingo la base militar"),
    ("battle", "Combates entre el Ejército y el Clan del Golfo dejan tres muertos en el Bajo Cauca",
     """Conflicto

Tropas del Ejército y miembros del Clan del Golfo sostuvieron intensos combates durante la noche del martes en zona rural de Cáceres, Antioquia, informó la Séptima División.

Los enfrentamientos dejaron tres integrantes del grupo armado muertos y un soldado herido, que fue evacuado en helicóptero a Medellín.

Le puede interesar
▸ Medellín: capturan a red de extorsión en el centro""",
     CLASH, "battle", "sostuvieron intensos combates"),
    ("strike", "Rusia lanza un ataque masivo con drones contra posiciones ucranianas en Járkov",
     """KIEV, 4 Jun. (AMN) -

El ejército ruso lanzó durante la noche un ataque masivo con drones y misiles contra posiciones de las tropas ucranianas en la región de Járkov, informó este miércoles el Estado Mayor ucraniano.

La defensa antiaérea derribó la mayoría de los aparatos, según el comunicado.

(c) Agencia Mundo Noticias""",
     CLASH, "strike", "un ataque masivo con drones"),
    ("territory", "Las FAR toman el control de la ciudad de En Nahud tras combates con el Ejército",
     """JARTUM, 5 Jun. (AMN) -

Las paramilitares Fuerzas de Apoyo Rápido (FAR) tomaron este jueves el control de la ciudad de En Nahud, en Kordofán Occidental, tras expulsar a las tropas del Ejército sudanés que la defendían.

El Ejército no se ha pronunciado sobre la pérdida de la ciudad.

Más noticias
• La ONU pide corredores humanitarios en Darfur""",
     CLASH, "territory", "tomaron este jueves el control de la ciudad"),
]


# (id, title, text, event type that must NOT be detected)
NEGATIVES: list[tuple[str, str, str, str | tuple[str, ...]]] = [
    ("sports-choque", "Clásico de Avellaneda: Racing se impone a Independiente en un choque vibrante",
     """Deportes

Racing derrotó 2-1 a Independiente este domingo en un choque vibrante disputado ante 50.000 hinchas en el estadio Presidente Perón.

El delantero de la Academia abrió el marcador con un golazo tras un ataque por la banda izquierda y el Rojo empató de penalti antes del descanso.

El equipo local lanzó una ofensiva final y encontró el gol del triunfo en el minuto 88, tras un tiro libre.

Los barras bravas de ambos clubes se enfrentaron con la policía a la salida del estadio.

Compartir""", CLASH),
    ("cartel-crime", "Enfrentamiento entre sicarios y Guardia Nacional deja cuatro muertos en Culiacán",
     """Seguridad

Cuatro presuntos integrantes de una célula delictiva del Cártel de Sinaloa murieron este lunes durante un enfrentamiento con elementos de la Guardia Nacional en la colonia Tierra Blanca de Culiacán.

De acuerdo con la Fiscalía General del Estado, los civiles armados dispararon contra una patrulla y los agentes repelieron la agresión; en el lugar se aseguraron fusiles y más de 200 casquillos.

PUBLICIDAD

Te recomendamos:
- Culiacán: suspenden clases por la violencia""", CLASH),
    ("protest-police", "Santiago: choques entre estudiantes y Carabineros en la Alameda",
     """Nacional

Estudiantes secundarios y efectivos de Carabineros se enfrentaron este jueves en la Alameda, en el centro de Santiago, tras una marcha de protesta contra el alza del pasaje del metro.

Los uniformados dispersaron a los manifestantes con carros lanzaaguas y gases lacrimógenos; once jóvenes fueron detenidos.

Foto: Agencia Uno""", CLASH),
    ("exercise", "Fuerzas de Colombia y EE. UU. realizan ejercicios militares conjuntos en el Caribe",
     """Defensa

Más de 800 militares de Colombia y Estados Unidos participan desde este lunes en ejercicios militares conjuntos en aguas del Caribe, que incluyen la simulación del asalto a una posición enemiga y prácticas de tiro con fuego real.

Las maniobras se prolongarán hasta el viernes frente a las costas de Cartagena.

Compartir esta noticia""", CLASH),
    ("arms-purchase", "Argentina recibe los primeros aviones de combate F-16 comprados a Dinamarca",
     """Defensa

La Fuerza Aérea Argentina recibió este martes los primeros seis aviones de combate F-16 adquiridos a Dinamarca, en la mayor compra de material militar del país en cuatro décadas.

El contrato de compra incluye misiles, repuestos y la formación de pilotos para operaciones de ataque y defensa aérea.

Lee también: El Gobierno presenta el presupuesto de defensa 2026""", CLASH),
    ("anniversary", "A 40 años de la toma del Palacio de Justicia, víctimas exigen la verdad",
     """Memoria

Se cumplen 40 años de la toma del Palacio de Justicia, cuando un comando del M-19 asaltó la sede de las altas cortes y el Ejército retomó el edificio tras 27 horas de combates.

Familiares de los desaparecidos rindieron homenaje a las víctimas frente al monumento instalado en la Plaza de Bolívar.

Por Redacción Bogotá""", CLASH),
    ("threat", "El ELN amenaza con atacar las bases militares si continúan los bombardeos",
     """Conflicto

El Comando Central del ELN amenazó este sábado con atacar las bases militares del Catatumbo si el Gobierno no suspende los bombardeos contra sus campamentos.

El Ministerio de Defensa advirtió que las tropas están en alerta máxima.""", CLASH),
    ("figurative", "Choque de trenes entre el Gobierno y el Congreso por la reforma laboral",
     """Política

El choque de trenes entre el Gobierno y el Congreso se intensificó este martes, cuando el ministro del Interior arremetió contra los senadores de la oposición y los acusó de librar una guerra sucia electoral.

La batalla política por la reforma laboral se trasladará ahora a la Corte Constitucional.

Compartir""", CLASH),
    ("speculated-meeting", "Petro y Maduro podrían reunirse en la frontera, según fuentes diplomáticas",
     """Internacional

Los presidentes de Colombia y Venezuela podrían reunirse a finales de mes en Cúcuta para discutir la situación del Catatumbo, según fuentes diplomáticas consultadas por este medio.

Hasta el momento, ninguna de las dos cancillerías ha confirmado el encuentro y la fecha sigue por definir.""", DIP),
    ("cancelled-visit", "Aplazada la visita del rey de España a Perú",
     """Casa Real

La visita oficial del rey Felipe VI al Perú, prevista para la próxima semana, fue aplazada sin nueva fecha por la crisis política en Lima, informó la Casa Real.

PUBLICIDAD

Ambos gobiernos mantienen contactos para reprogramar el viaje.""", DIP),
    ("trade-statistics", "El comercio entre Chile y China crece un 9 % en el primer trimestre",
     """Economía

El intercambio comercial entre Chile y China alcanzó 15.300 millones de dólares en el primer trimestre, un 9 % más que en el mismo periodo del año anterior, según las cifras del Banco Central.

Las exportaciones chilenas de cobre y cerezas explican la mayor parte del crecimiento.

Fuente: Banco Central de Chile""", DIP),
    ("domestic", "Sheinbaum se reúne con gobernadores para coordinar la estrategia de seguridad",
     """Nacional

La presidenta Claudia Sheinbaum se reunió este lunes en Palacio Nacional con los gobernadores de los 32 estados para coordinar la estrategia nacional de seguridad, en presencia de los secretarios de la Defensa y de Marina.

En el encuentro, los mandatarios estatales pidieron más recursos para las policías municipales.""", DIP),
    ("statement-only", "Argentina reclama de nuevo la soberanía de las Malvinas ante el Reino Unido",
     """Internacional

La Cancillería argentina reiteró este lunes, en un comunicado, su reclamo de soberanía sobre las islas Malvinas y criticó la instalación de una nueva estación de radar británica en el archipiélago.

Londres no respondió al comunicado y reafirmó en la Cámara de los Comunes que el estatus de las islas no está en discusión.""", DIP),
    # Fighting crime is a policy, not a battle.
    ("es-combatir-narcotrafico", "", """Los gobiernos de Perú y Bolivia acordaron intensificar sus esfuerzos para combatir el narcotráfico y la minería ilegal en la zona del lago Titicaca.
Las policías de ambos países compartirán información de inteligencia.""", CLASH),
    # Trial reporting retells old attacks.
    ("es-juicio", "", """La Fiscalía pidió 40 años de prisión para los tres acusados del ataque contra la base militar de Tumaco durante el juicio que se celebra en Cali.
El tribunal dará a conocer la sentencia en junio.""", CLASH),
    # Calling for dialogue where no negotiating channel exists is no negotiation.
    ("no-channel-calls-dialogue", "Gobiernos vecinos piden diálogo", """Los cancilleres de la región volvieron a pedir diálogo entre Bogotá y el ELN, aunque no existe ningún canal formal de negociación desde enero.
La guerrilla no respondió al llamado.
Compartir
""", (DIP,)),
    # A community leader reaching the town centre is no visit of state.
    ("community-leader-arrived", "Desplazamiento masivo en zona rural de Tumaco", """Las disidencias de las FARC y el ELN se enfrentaron durante el fin de semana en zona rural de Tumaco, según la Defensoría.
«Salimos con lo que teníamos puesto», dijo una de las líderes sociales, que llegó con sus hijos al casco urbano del municipio.
""", (DIP,)),
]


def test_spanish_boilerplate_is_dropped() -> None:
    title, text = POSITIVES[0][1], POSITIVES[0][2]
    cases.check_cleaned(text, title, ["Lee también", "Precio del dólar", "Foto: Presidencia", "PUBLICIDAD"], ["una visita oficial de dos días"])


def test_spanish_article_with_both_types() -> None:
    text = """Frontera

El presidente de Ecuador sostuvo este lunes una reunión con su homólogo colombiano en el puente de Rumichaca para acordar patrullajes coordinados contra el contrabando.

Horas antes, tropas ecuatorianas y guerrilleros de un frente disidente de las FARC libraron fuertes combates en la orilla del río San Miguel, en la provincia de Sucumbíos.

PUBLICIDAD"""
    cases.check_reports(text, "Rumichaca: reunión presidencial y combates en el río San Miguel", {DIP: ("meeting", "sostuvo este lunes una reunión"), CLASH: ("battle", "libraron fuertes combates")})


test_positive, test_hard_negative = cases.language_tests(
    "es", [cases.positive(*r) for r in POSITIVES],
    [cases.negative(*r) for r in NEGATIVES])
