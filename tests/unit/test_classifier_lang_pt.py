"""Portuguese (Brazilian, European, African) positives and hard negatives, per EVENTS.md.

Every article here is written for this test in the manner of Lusa, Agência
Brasil, Jornal de Angola, O País and Notícias copy, scraper boilerplate
(PUBLICIDADE, "Leia também" link lists, photo credits) included.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

POSITIVES: list[tuple[str, str, str, str, str]] = [
    # (id, text, event type, subtype, words the top evidence sentence must contain)
    ("pt-visit-angola", """Luanda – O Presidente da República, João Lourenço, chegou hoje a Brazzaville, capital da República do Congo, para uma visita oficial de dois dias, a convite do seu homólogo congolês.
PUBLICIDADE
Durante a estadia, o Chefe de Estado angolano deverá inaugurar uma feira de produtos angolanos e visitar o porto de Pointe-Noire.
Foto: ANGOP/Pedro Manuel
Leia também:
Kwanza estável face ao dólar
Chuvas causam estragos no Huambo""", DIP, "visit", "visita oficial de dois dias"),
    ("pt-meeting-cplp", """Os ministros dos Negócios Estrangeiros da CPLP estiveram reunidos esta sexta-feira em Díli, na reunião ordinária do Conselho de Ministros da organização, que antecede a cimeira de chefes de Estado.
Durante o encontro, os chefes da diplomacia aprovaram a adesão de dois novos observadores associados e discutiram a mobilidade entre os Estados-membros.
Partilhar
Comentários""", DIP, "meeting", "estiveram reunidos"),
    ("pt-call-brasil", """O presidente Luiz Inácio Lula da Silva conversou por telefone nesta segunda-feira (9) com o presidente da França, Emmanuel Macron, sobre o acordo entre o Mercosul e a União Europeia, informou o Palácio do Planalto.
Segundo a nota, os dois presidentes concordaram em manter as equipes técnicas em contato nas próximas semanas.
Leia mais
Dólar fecha em queda com dados dos EUA""", DIP, "call", "conversou por telefone"),
    ("pt-agreement-mz", """Maputo – Os governos de Moçambique e da Tanzânia assinaram ontem, em Dar es Salaam, um memorando de entendimento para o reforço da segurança na fronteira comum ao longo do rio Rovuma.
O documento foi rubricado pelos ministros da Defesa dos dois países, à margem de uma sessão da comissão conjunta de defesa e segurança.
(Notícias)""", DIP, "agreement", "memorando de entendimento"),
    ("pt-honour-portugal", """O Presidente da República condecorou ontem, no Palácio de Belém, o antigo primeiro-ministro de Cabo Verde com a Grã-Cruz da Ordem do Infante D. Henrique, em reconhecimento do seu contributo para as relações entre os dois países.
A cerimónia contou com a presença do embaixador cabo-verdiano em Lisboa e de vários membros do Governo.""", DIP, "honour", "condecorou"),
    ("pt-negotiation-rdc", """Representantes do Governo da RDC e dos rebeldes do M23 retomaram esta semana, em Doha, as negociações de paz sob mediação do Qatar, segundo fontes diplomáticas.
As duas delegações discutem os termos de um cessar-fogo no leste do país e a troca de prisioneiros.""", DIP, "negotiation", "negociações de paz"),
    ("pt-battle-cabo-delgado", """Pemba – As Forças de Defesa e Segurança travaram intensos combates com insurgentes no distrito de Macomia, na província de Cabo Delgado, durante a madrugada de domingo, segundo fontes locais.
Os confrontos duraram cerca de três horas e obrigaram dezenas de famílias a fugir para o mato.
Foto: Lusa/Arquivo
PUBLICIDADE""", CLASH, "battle", "intensos combates"),
    ("pt-attack-angola", """A Frente de Libertação do Estado de Cabinda (FLEC) reivindicou hoje uma emboscada contra uma patrulha das Forças Armadas Angolanas na região de Buco-Zau, na qual diz ter morto quatro soldados.
As FAA ainda não comentaram o ataque, o terceiro reivindicado pelo movimento este ano.""", CLASH, "attack", "emboscada"),
    ("pt-strike-libano", """O exército israelita realizou esta noite uma série de ataques aéreos contra posições do Hezbollah no sul do Líbano, depois de o movimento xiita ter disparado foguetes contra o norte de Israel.
Segundo a agência estatal libanesa, os bombardeamentos atingiram as localidades de Khiam e Kfar Kila.""", CLASH, "strike", "ataques aéreos"),
    ("pt-territory-rdc", """Os rebeldes do M23 tomaram o controlo da cidade de Walikale, no Kivu Norte, após dois dias de combates com o exército congolês e milícias aliadas, segundo fontes da sociedade civil.
A queda da cidade abre caminho para a região mineira de Lubero.""", CLASH, "territory", "tomaram o controlo"),
]

NEGATIVES: list[tuple[str, str, str]] = [
    # (id, text, event type that must NOT be detected)
    ("pt-sports-clash", """O Benfica e o Sporting defrontam-se no sábado no Estádio da Luz, num clássico que pode decidir o título de campeão.
O treinador encarnado garantiu que a equipa está preparada para o embate e que os adeptos vão encher o estádio.
O jogo tem início às 20h30.""", CLASH),
    ("pt-figurative", """O debate parlamentar transformou-se num verdadeiro confronto de ideias entre o primeiro-ministro e o líder da oposição sobre o Orçamento do Estado.
Os dois trocaram farpas durante mais de duas horas, num combate à corrupção que promete marcar a legislatura.""", CLASH),
    ("pt-protest", """A polícia entrou em confronto com manifestantes no centro de Maputo, disparando gás lacrimogéneo e balas de borracha contra centenas de jovens que contestavam os resultados eleitorais.
Vários manifestantes foram detidos e lojas foram saqueadas.""", CLASH),
    ("pt-crime", """Policiais militares trocaram tiros com traficantes durante uma operação policial no Complexo da Maré, na zona norte do Rio de Janeiro, e três suspeitos foram presos.
Com os criminosos foram apreendidos fuzis e drogas.""", CLASH),
    ("pt-exercise", """Militares de Portugal, Espanha e França participaram em exercícios conjuntos que simularam um ataque anfíbio a uma base costeira no Algarve.
As manobras terminam na próxima semana.""", CLASH),
    ("pt-anniversary", """Angola assinala hoje o aniversário da batalha do Cuito Cuanavale, em que as forças angolanas e cubanas combateram as tropas sul-africanas em 1988.
Antigos combatentes depositaram uma coroa de flores no monumento da vitória.""", CLASH),
    ("pt-threat", """O chefe do Estado-Maior advertiu que as tropas vão atacar as bases dos rebeldes caso o grupo não entregue as armas até ao fim do mês.
O movimento rebelde ainda não respondeu ao ultimato.""", CLASH),
    ("pt-arms", """O Ministério da Defesa anunciou a compra de doze caças capazes de realizar ataques aéreos de precisão, num contrato avaliado em mil milhões de euros.
As primeiras aeronaves serão entregues em 2027.""", CLASH),
    ("pt-cancelled", """A reunião entre os ministros dos Negócios Estrangeiros de Angola e do Ruanda, prevista para segunda-feira em Luanda, foi adiada sine die por razões de agenda.
Nenhuma nova data foi anunciada.""", DIP),
    ("pt-speculated", """Analistas admitem que o Presidente brasileiro poderá encontrar-se com o homólogo norte-americano ainda este ano, mas nenhum dos dois governos confirmou qualquer plano.
A especulação animou os mercados.""", DIP),
    ("pt-trade", """As exportações do Brasil para a China cresceram 12 por cento em maio face ao mesmo mês do ano passado, somando 9 mil milhões de dólares, segundo dados divulgados pelo Ministério do Desenvolvimento.
A soja liderou as vendas.""", DIP),
    ("pt-domestic", """O presidente reuniu-se com os líderes dos partidos da base aliada no Palácio da Alvorada para discutir a reforma ministerial e a votação do orçamento no Congresso Nacional.
Deputados da oposição criticaram o encontro.""", DIP),
    ("pt-statement", """O Ministério das Relações Exteriores de Angola acusou hoje o M23 de violar o cessar-fogo e apelou à comunidade internacional para pressionar os rebeldes.
Em comunicado, Luanda lembrou que a paz no leste da RDC é essencial para a região.""", DIP),
    # "Sem data marcada": not scheduled.
    ("pt-sem-data", """A visita do Presidente de Moçambique a Lisboa continua sem data marcada, informou o Palácio de Belém.
Os dois governos mantêm contactos regulares sobre a agenda.""", DIP),
    # Trial reporting retells old attacks.
    ("pt-julgamento", """O tribunal de Pemba ouviu hoje as testemunhas no julgamento de dez réus acusados de apoiar os insurgentes que atacaram a base militar de Mocímboa da Praia.
A sentença será lida no próximo mês.""", CLASH),
    # Fighting crime is a policy, not a battle.
    ("pt-combater", """Os ministros da Justiça do Brasil e do Paraguai assinaram em Foz do Iguaçu um acordo para combater o narcotráfico e o contrabando na fronteira.
O texto prevê troca de informações entre as polícias.""", CLASH),
    # Protesting against a treaty is no engagement.
    ("pt-protesto-tratado", """Milhares de agricultores franceses saíram às ruas de Paris para protestar contra o tratado entre a União Europeia e o Mercosul.
Os manifestantes bloquearam avenidas com tratores durante toda a manhã.""", DIP),
    # Asked whether there would be a meeting: a question, not a meeting.
    ("pt-question", """Questionado se haveria encontro com o primeiro-ministro de Portugal nas próximas semanas, o chanceler brasileiro respondeu apenas que as conversas seguem nos canais técnicos.
A agenda oficial da viagem ainda não foi divulgada.""", "diplomatic-engagement"),
]


def test_boilerplate_markers_are_dropped() -> None:
    text = """O ministro dos Negócios Estrangeiros de Portugal reuniu-se hoje em Luanda com o seu homólogo angolano.
Leia também:
Governo aprova novo regime de vistos
Presidente recebe credenciais de embaixadores
Foto: Lusa/João Silva
Os dois governantes passaram em revista a cooperação bilateral nos domínios da energia, da defesa e do ensino superior."""
    cases.check_cleaned(text, "", ["Governo aprova", "Lusa/João"], ["passaram em revista"])


test_positive, test_hard_negative = cases.language_tests(
    "pt", [cases.positive(r[0], "", r[1], r[2], r[3], r[4]) for r in POSITIVES],
    [cases.negative(r[0], "", r[1], r[2]) for r in NEGATIVES])
