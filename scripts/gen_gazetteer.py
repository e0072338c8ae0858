#!/usr/bin/env python3
"""gen_gazetteer.py — writes dict/gazetteer.tsv from the compact lists below.

The lists are written from general public knowledge (Korean administrative
divisions as published by the Ministry of the Interior and Safety, the
government organisation chart, company and media names in everyday use).
They are NOT derived from any annotated corpus (in particular not from
../shared/eval/kmou-ner, whose licence is non-commercial).

Output columns: name <TAB> type <TAB> aliases (separated by |).
An alias (or a name) written as ~X is *weak*: X is also an ordinary Korean word
(고양이 'cat' → 고양, 예산 'budget', 화성 'Mars', 경기 'game'), so the
extractor accepts it only when the next word is a place too
("경기 성남시", "충남 예산군"). The canonical name is always strong.

Usage: python3 scripts/gen_gazetteer.py > dict/gazetteer.tsv
"""
import sys

rows = []          # (name, type, [aliases])
seen = {}          # surface -> canonical (first wins)


def add(name, typ, *aliases):
    if name.lstrip('~') in seen:
        return
    al = []
    for a in aliases:
        if not a:
            continue
        key = a.lstrip('~')
        if key == name or key in seen:
            continue
        seen[key] = name
        al.append(a)
    if name in seen:
        # already listed (as a canonical name or an alias): first wins
        return
    seen[name.lstrip('~')] = name
    rows.append((name, typ, al))


def words(s):
    return s.split()


# ---------------------------------------------------------------- government
# 19 ministries (부) with former names / common short forms
MINISTRIES = """
기획재정부 기재부 재정경제부 재경부
교육부 교육과학기술부 교과부 교육인적자원부
과학기술정보통신부 과기정통부 과기부 미래창조과학부 미래부
외교부 외교통상부
통일부
법무부
국방부
행정안전부 행안부 안전행정부 안행부 행정자치부 행자부
국가보훈부 보훈부 국가보훈처 보훈처
문화체육관광부 문체부 문화관광부
농림축산식품부 농식품부 농림부 농림수산식품부
산업통상자원부 산업부 산자부 지식경제부 지경부
보건복지부 복지부 보건복지가족부
환경부
고용노동부 노동부
여성가족부 여가부
국토교통부 국토부 국토해양부 건설교통부 건교부
해양수산부 해수부
중소벤처기업부 중기부 중소기업청 중기청
""".strip().splitlines()
for line in MINISTRIES:
    w = words(line)
    add(w[0], 'org', *w[1:])

# 처 / 청 / 위원회 / other central bodies
CENTRAL = """
대통령실 대통령비서실 청와대
국무총리실 총리실
국무조정실
국가정보원 국정원
감사원
국가안보실
인사혁신처 인사처
법제처
식품의약품안전처 식약처 식품의약품안전청 식약청
국세청
관세청
조달청
통계청
재외동포청
대검찰청 대검
검찰청
병무청
방위사업청 방사청
경찰청
소방청
문화재청 국가유산청
농촌진흥청 농진청
산림청
특허청
기상청
행정중심복합도시건설청 행복청
새만금개발청
해양경찰청 해경
질병관리청 질병청 질병관리본부
우주항공청
금융위원회 금융위
공정거래위원회 공정위
방송통신위원회 방통위
국민권익위원회 권익위
원자력안전위원회 원안위
개인정보보호위원회 개인정보위 개보위
국가인권위원회 인권위
중앙선거관리위원회 선관위 중앙선관위
금융감독원 금감원
고위공직자범죄수사처 공수처
국가교육위원회
규제개혁위원회
저출산고령사회위원회
경제사회노동위원회 경사노위 노사정위원회
방송통신심의위원회 방심위
국가과학기술자문회의
국가데이터처
중앙재난안전대책본부 중대본
중앙방역대책본부 방대본
국회 대한민국국회
국회사무처
국회입법조사처
국회예산정책처
국회도서관
대법원
헌법재판소 헌재
법원행정처
사법연수원
한국은행 한은
""".strip().splitlines()
for line in CENTRAL:
    w = words(line)
    add(w[0], 'org', *w[1:])

# courts and prosecutors' offices by seat
COURT_SEATS = [
    ('서울중앙', '서울중앙'), ('서울동부', '서울동부'), ('서울서부', '서울서부'),
    ('서울남부', '서울남부'), ('서울북부', '서울북부'), ('의정부', '의정부'),
    ('인천', '인천'), ('수원', '수원'), ('춘천', '춘천'), ('대전', '대전'),
    ('청주', '청주'), ('대구', '대구'), ('부산', '부산'), ('울산', '울산'),
    ('창원', '창원'), ('광주', '광주'), ('전주', '전주'), ('제주', '제주'),
]
for seat, short in COURT_SEATS:
    add(seat + '지방법원', 'org', short + '지법')
    add(seat + '지방검찰청', 'org', short + '지검')
for seat in ['서울', '대전', '대구', '부산', '광주', '수원']:
    add(seat + '고등법원', 'org', seat + '고법')
    add(seat + '고등검찰청', 'org', seat + '고검')
add('서울행정법원', 'org', '행정법원')
add('서울가정법원', 'org', '가정법원')
add('특허법원', 'org')
add('서울회생법원', 'org', '회생법원')

# ------------------------------------------------------------ places: Korea
# 17 provinces and metropolitan cities: canonical, strong aliases, weak ones
PROVINCES = [
    ('서울특별시', ['서울', '서울시'], []),
    ('부산광역시', ['부산', '부산시'], []),
    ('대구광역시', ['대구', '대구시'], []),
    ('인천광역시', ['인천', '인천시'], []),
    ('광주광역시', ['광주'], []),
    ('대전광역시', ['대전', '대전시'], []),
    ('울산광역시', ['울산', '울산시'], []),
    ('세종특별자치시', ['세종시', '세종'], []),
    ('경기도', [], ['경기']),
    ('강원특별자치도', ['강원도', '강원'], []),
    ('충청북도', ['충북'], []),
    ('충청남도', ['충남'], []),
    ('전북특별자치도', ['전라북도', '전북'], []),
    ('전라남도', ['전남'], []),
    ('경상북도', ['경북'], []),
    ('경상남도', ['경남'], []),
    ('제주특별자치도', ['제주도', '제주'], []),
]
for name, strong, weak in PROVINCES:
    add(name, 'location', *strong, *['~' + x for x in weak])

# cities (시): short form strong unless it is an ordinary word (weak)
CITIES_STRONG = words("""
수원 성남 의정부 안양 부천 광명 평택 동두천 안산 과천 시흥 군포 의왕 하남
파주 이천 안성 김포 남양주 포천 춘천 원주 강릉 동해 태백 속초 삼척
청주 충주 제천 천안 보령 아산 서산 논산 계룡 당진 군산 익산 정읍 남원 김제
목포 여수 순천 나주 광양 포항 김천 안동 영천 문경 경산 창원 김해 밀양
거제 통영 사천 서귀포 제주
""")
CITIES_WEAK = words("고양 화성 공주 진주 상주 영주 구미 양산 구리 광주 오산 전주 양주 용인 경주")
for c in CITIES_STRONG:
    if c == '제주':
        add('제주시', 'location')
        continue
    add(c + '시', 'location', c)
for c in CITIES_WEAK:
    if c == '광주':
        add('광주시', 'location')  # 경기 광주시; bare 광주 is the metropolitan city
        continue
    add(c + '시', 'location', '~' + c)

# counties (군)
COUNTIES_STRONG = words("""
가평 양평 연천 홍천 횡성 영월 평창 철원 화천 양구 양양 옥천 영동 증평
진천 괴산 단양 금산 서천 청양 홍성 태안 진안 무주 임실 순창 고창 부안 담양 곡성
구례 고흥 화순 해남 영암 무안 함평 완도 군위 의성 청송 영덕 청도 칠곡
예천 봉화 울진 울릉 의령 함안 창녕 남해 하동 산청 합천 옹진
울주 보성 장흥
""")
COUNTIES_WEAK = words("고성 음성 보은 부여 예산 완주 장수 영광 장성 진도 영양 고령 강화 여주 정선 인제 신안 성주 함양 거창 기장 달성 강진")
for c in COUNTIES_STRONG:
    add(c + '군', 'location', c)
for c in COUNTIES_WEAK:
    if c == '여주':
        add('여주시', 'location', '~여주')
        continue
    add(c + '군', 'location', '~' + c)

# 25 districts of Seoul
SEOUL_GU = words("""
종로 중 용산 성동 광진 동대문 중랑 성북 강북 도봉 노원 은평 서대문 마포 양천 강서
구로 금천 영등포 동작 관악 서초 강남 송파 강동
""")
for g in SEOUL_GU:
    if g == '중':
        add('서울 중구', 'location')
        continue
    add(g + '구', 'location')
# districts of other metropolitan cities and large cities
OTHER_GU = words("""
해운대 수영 사하 금정 연제 사상 동래 부산진 영도 기장 달서 수성 미추홀 연수
남동 부평 계양 유성 대덕 광산 분당 수정 중원 일산동 일산서 덕양 영통 팔달 장안
권선 기흥 수지 처인 단원 상록 만안 동안 원미 소사 오정 덕진 완산 의창 성산 마산합포
마산회원 진해 흥덕 서원 상당 청원 동남 서북
""")
for g in OTHER_GU:
    add(g + '구', 'location')

# well-known places, neighbourhoods, landmarks (strong)
PLACES = words("""
판교 여의도 광화문 강남 강북 명동 종로 신촌 홍대 이태원 압구정 청담 잠실 성수 을지로
서초동 삼성동 역삼동 논현동 대치동 도곡동 목동 상암 상암동 마곡 구로디지털단지
한남동 효자동 삼청동 북촌 서촌 인사동 동대문 남대문 청계천 한강 낙동강 금강 영산강
섬진강 임진강 북한강 남한강 한라산 지리산 설악산 북한산 백두산 금강산 태백산 소백산 덕유산
오대산 계룡산 독도 울릉도 제주도 거제도 강화도 백령도 연평도 흑산도 진도 완도 마라도 우도
해운대 광안리 센텀시티 송도 청라 영종도 동탄 광교 위례 판교테크노밸리 일산 평촌
산본 중동 세종청사 과천청사 대덕연구단지 개성공단 평양 신의주 함흥 청진 남포
판문점 비무장지대 휴전선 DMZ 경부고속도로 영동고속도로 서해안고속도로 새만금 시화호
인천국제공항 인천공항 김포공항 김포국제공항 김해공항 김해국제공항 제주공항 제주국제공항
청주공항 대구공항 무안공항 양양공항 서울역 용산역 수서역 부산역 동대구역 광명역 대전역 오송역
강남역 홍대입구역 잠실역 신촌역 여의도역 광화문역 시청역 판교역 사당역 교대역 고속터미널
인천항 부산항 평택항 목포항 울산항 광양항 포항항 군산항 동해항 여수항 속초항 제주항
광화문광장 서울광장 청와대 경복궁 창덕궁 덕수궁 남산 남산타워 롯데월드타워 잠실종합운동장
고척스카이돔 서울월드컵경기장 올림픽공원 코엑스 킨텍스 벡스코 엑스코 세종문화회관 예술의전당
""")
for p in PLACES:
    if p == '청와대':
        continue  # an organisation (the presidential office), listed above
    add(p, 'location')
add('유엔사령부', 'org')

# ---------------------------------------------------------- places: world
COUNTRIES = """
미국 미합중국 아메리카합중국
중국 중화인민공화국
일본
북한 조선민주주의인민공화국
한국 대한민국 남한
러시아 러시아연방
영국
프랑스
독일
이탈리아
스페인
포르투갈
네덜란드
벨기에
룩셈부르크
스위스
오스트리아
스웨덴
노르웨이
덴마크
핀란드
아이슬란드
아일랜드
폴란드
체코
슬로바키아
헝가리
루마니아
불가리아
그리스
튀르키예 터키
우크라이나
벨라루스
몰도바
리투아니아
라트비아
에스토니아
세르비아
크로아티아
슬로베니아
보스니아헤르체고비나 보스니아
몬테네그로
북마케도니아 마케도니아
알바니아
코소보
몰타
키프로스
모나코
리히텐슈타인
안도라
산마리노
바티칸 교황청
조지아
아르메니아
아제르바이잔
카자흐스탄
우즈베키스탄
투르크메니스탄
키르기스스탄
타지키스탄
몽골
대만 타이완
홍콩
마카오
베트남
태국
필리핀
인도네시아
말레이시아
싱가포르
미얀마
캄보디아
라오스
브루나이
동티모르
인도
파키스탄
방글라데시
스리랑카
네팔
부탄
몰디브
아프가니스탄
이란
이라크
시리아
레바논
요르단
이스라엘
팔레스타인
사우디아라비아 사우디
아랍에미리트 UAE
카타르
쿠웨이트
바레인
오만 ~
예멘
이집트
리비아
튀니지
알제리
모로코
수단 ~
남수단
에티오피아
에리트레아
지부티
소말리아
케냐
우간다
탄자니아
르완다
부룬디
콩고민주공화국
콩고공화국
가봉
카메룬
나이지리아
니제르
차드
말리
부르키나파소
세네갈
감비아
기니
기니비사우
시에라리온
라이베리아
코트디부아르
가나
토고
베냉
모리타니
카보베르데
적도기니
중앙아프리카공화국
앙골라
잠비아
짐바브웨
말라위
모잠비크
마다가스카르
모리셔스
세이셸
코모로
나미비아
보츠와나
남아프리카공화국 남아공
레소토
에스와티니
캐나다
멕시코
과테말라
벨리즈
온두라스
엘살바도르
니카라과
코스타리카
파나마
쿠바
자메이카
아이티
도미니카공화국
도미니카연방
바하마
바베이도스
트리니다드토바고
그레나다
세인트루시아
세인트빈센트그레나딘
세인트키츠네비스
앤티가바부다
콜롬비아
베네수엘라
가이아나
수리남
에콰도르
페루
볼리비아
브라질
파라과이
우루과이
아르헨티나
칠레
호주 오스트레일리아
뉴질랜드
파푸아뉴기니
피지
솔로몬제도
바누아투
사모아
통가
키리바시
투발루
나우루
팔라우
마셜제도
미크로네시아
""".strip().splitlines()
for line in COUNTRIES:
    w = words(line)
    if w[1:] == ['~']:
        # also an ordinary word (수단 'means', 오만 'arrogance'): the full
        # name is only accepted next to another place
        add('~' + w[0], 'location')
        continue
    add(w[0], 'location', *w[1:])

REGIONS = words("""
유럽 아시아 아프리카 북미 남미 중남미 중동 동남아 동남아시아 동북아 동북아시아 중앙아시아
오세아니아 라틴아메리카 북아프리카 서유럽 동유럽 북유럽 남유럽 태평양 대서양 인도양 북극
남극 한반도 시베리아 크림반도 가자지구 요르단강서안 서안지구 발칸반도 스칸디나비아 카리브해
지중해 흑해 남중국해 동중국해 대만해협 호르무즈해협 수에즈운하 파나마운하 센카쿠 쿠릴열도
오키나와 홋카이도 규슈 시코쿠 혼슈 하와이 알래스카 캘리포니아 텍사스 플로리다 뉴욕주 워싱턴주
실리콘밸리 월가 월스트리트 할리우드 맨해튼 브루클린 티베트 내몽골 광둥성 광둥 저장성
장쑤성 산둥성 쓰촨성 푸젠성 허베이성 허난성 후베이성 후난성 랴오닝성 지린성 헤이룽장성 윈난성
""")
for r in REGIONS:
    add(r, 'location')

WORLD_CITIES = words("""
워싱턴 뉴욕 로스앤젤레스 LA 샌프란시스코 시카고 보스턴 시애틀 라스베이거스 마이애미 애틀랜타
휴스턴 댈러스 필라델피아 디트로이트 덴버 피닉스 샌디에이고 새너제이 산호세 오스틴 내슈빌
호놀룰루 토론토 밴쿠버 몬트리올 오타와 멕시코시티 하바나 상파울루 리우데자네이루 부에노스아이레스
산티아고 리마 보고타 카라카스 런던 파리 베를린 뮌헨 프랑크푸르트 함부르크 로마 밀라노 베네치아
나폴리 마드리드 바르셀로나 리스본 암스테르담 브뤼셀 제네바 취리히 다보스 스톡홀름 오슬로
코펜하겐 헬싱키 바르샤바 프라하 부다페스트 아테네 이스탄불 앙카라 모스크바 상트페테르부르크
블라디보스토크 키이우 키예프 하르키우 마리우폴 오데사 민스크 베이징 북경 상하이 광저우
톈진 충칭 청두 우한 난징 항저우 칭다오 다롄 선양 하얼빈 옌볜 연변 쑤저우 샤먼
도쿄 오사카 교토 요코하마 나고야 후쿠오카 삿포로 고베 히로시마 나가사키 센다이 타이베이
타이중 가오슝 하노이 호찌민 다낭 방콕 푸껫 마닐라 자카르타 발리 쿠알라룸푸르 양곤 프놈펜
비엔티안 뉴델리 뭄바이 벵갈루루 첸나이 콜카타 카라치 이슬라마바드 다카 카트만두 카불 테헤란
바그다드 다마스쿠스 베이루트 예루살렘 텔아비브 암만 리야드 두바이 아부다비 도하 카이로
요하네스버그 케이프타운 나이로비 라고스 시드니 멜버른 브리즈번 캔버라 오클랜드 웰링턴
울란바토르 아스타나 알마티 타슈켄트 트빌리시 바쿠 예레반 제다 메카
""")
for c in WORLD_CITIES:
    if c == '하마스':
        continue
    add(c, 'location')

# ------------------------------------------------------- international orgs
INTL = """
유엔 국제연합 UN
유엔안전보장이사회 안보리 유엔안보리
세계보건기구 WHO
국제통화기금 IMF
세계은행
세계무역기구 WTO
경제협력개발기구 OECD
북대서양조약기구 나토 NATO
유럽연합 EU
유럽중앙은행 ECB
유럽연합집행위원회 EU집행위원회 EU집행위
국제올림픽위원회 IOC
국제축구연맹 FIFA
아시아축구연맹 AFC
국제원자력기구 IAEA
국제노동기구 ILO
국제에너지기구 IEA
석유수출국기구 OPEC
유네스코 UNESCO
유니세프 UNICEF
유엔난민기구 UNHCR
세계식량계획 WFP
국제적십자위원회 ICRC
국제사법재판소 ICJ
국제형사재판소 ICC
아시아개발은행 ADB
아시아인프라투자은행 AIIB
동남아시아국가연합 아세안 ASEAN
아시아태평양경제협력체 APEC
주요20개국 G20
주요7개국 G7
세계경제포럼 WEF
국제앰네스티 앰네스티
그린피스
국경없는의사회
연방준비제도 연준 Fed 미국연방준비제도
미국 국무부 국무부
미국 국방부 펜타곤
미국 재무부 재무부
미국 상무부 상무부
미국 법무부
백악관
미국 의회
미국 연방수사국 FBI
미국 중앙정보국 CIA
미국 항공우주국 나사 NASA
미국 식품의약국 FDA
미국 증권거래위원회 SEC
미국 연방거래위원회 FTC
미국 연방통신위원회 FCC
미국 질병통제예방센터 CDC
미국 민주당
미국 공화당 공화당
중국 공산당 중국공산당
중국 외교부
중국 인민은행 인민은행
일본 자민당 자민당 자유민주당
일본은행
크렘린궁 크렘린
탈레반
헤즈볼라
하마스
""".strip().splitlines()
for line in INTL:
    parts = [p.strip() for p in line.split('  ')] if '  ' in line else None
    w = words(line)
    # entries whose canonical contains a space ("미국 국무부") are written
    # with the first two words as the canonical
    if w[0] in ('미국', '중국', '일본') and len(w) >= 2 and w[1] not in ('공산당',):
        name = w[0] + ' ' + w[1]
        # news writes 미 국무부, 中 외교부 with the one-syllable country
        short = {'미국': '미', '중국': '중', '일본': '일'}[w[0]] + ' ' + w[1]
        add(name, 'org', *w[2:], short if w[0] == '미국' else '')
    elif w[0] == '중국' and w[1] == '공산당':
        add('중국 공산당', 'org', *w[2:])
    else:
        add(w[0], 'org', *w[1:])

# --------------------------------------------------------------- parties
PARTIES = """
더불어민주당 민주당 더민주
국민의힘 국힘
정의당
조국혁신당
개혁신당
진보당
기본소득당
녹색정의당
새로운미래
국민의당
바른미래당
자유한국당 한국당
새누리당
한나라당
미래통합당 통합당
미래한국당
열린우리당
새정치민주연합
민주노동당
통합진보당
조선노동당 노동당 북한노동당
민주정의당 민정당
""".strip().splitlines()
for line in PARTIES:
    w = words(line)
    add(w[0], 'org', *w[1:])

# ------------------------------------------------------------ media
MEDIA = """
연합뉴스
연합뉴스TV
뉴시스
뉴스1
KBS 한국방송공사 한국방송
MBC 문화방송
SBS
EBS 한국교육방송공사
JTBC
TV조선
채널A
MBN
YTN
OBS
tvN
CJ ENM
조선일보
중앙일보
동아일보
한겨레 한겨레신문
경향신문
한국일보
국민일보
서울신문
세계일보
문화일보
한국경제신문 한국경제 한경
매일경제 매경 매일경제신문
서울경제 서경
머니투데이
이데일리
아시아경제
헤럴드경제 코리아헤럴드
파이낸셜뉴스
전자신문
디지털타임스
아주경제
뉴스핌
노컷뉴스
CBS
오마이뉴스
프레시안
데일리안
뉴데일리
미디어오늘
시사IN 시사인
주간조선
한국경제TV
SBS Biz
조선비즈
비즈니스워치
블로터
ZDNet Korea 지디넷코리아
코리아타임스
코리아중앙데일리
부산일보
국제신문
매일신문
영남일보
광주일보
강원일보
경인일보
제주일보
로이터 로이터통신 Reuters
AP AP통신
AFP AFP통신
블룸버그 블룸버그통신 Bloomberg
CNN
BBC
NHK
교도통신
지지통신
아사히신문 아사히
요미우리신문 요미우리
마이니치신문 마이니치
니혼게이자이신문 니혼게이자이 닛케이
신화통신 신화사
인민일보
환구시보
CCTV 중국중앙TV
뉴욕타임스 NYT
워싱턴포스트 WP
월스트리트저널 WSJ
파이낸셜타임스 FT
가디언
폭스뉴스
CNBC
NBC
ABC방송
CBS방송
포브스
타임지
알자지라
타스통신 타스
스푸트니크
조선중앙통신
노동신문
조선중앙TV
""".strip().splitlines()
for line in MEDIA:
    w = words(line)
    if w[0] in ('CJ', 'SBS', 'ZDNet') and len(w) > 1 and w[1] in ('ENM', 'Biz', 'Korea'):
        add(w[0] + ' ' + w[1], 'media' if w[0] != 'CJ' else 'org', *w[2:])
        continue
    add(w[0], 'media', *w[1:])

# ------------------------------------------------------- Korean companies
# canonical | aliases  (the largest groups and listed companies)
COMPANIES = """
삼성전자 삼전
삼성그룹 삼성
삼성SDI
삼성SDS
삼성바이오로직스 삼바
삼성전기
삼성물산
삼성생명
삼성화재
삼성증권
삼성카드
삼성중공업
삼성엔지니어링
삼성디스플레이
삼성에스원 에스원
호텔신라
제일기획
SK그룹 SK
SK하이닉스 하이닉스
SK텔레콤 SKT
SK이노베이션
SK온
SK에너지
SK케미칼
SK바이오사이언스
SK바이오팜
SK스퀘어
SK브로드밴드
SK네트웍스
SK실트론
SK 주식회사 C&C|SK C&C|SK주식회사 C&C|SKC&C
SKC
SK가스
SK디스커버리
LG그룹 LG
LG전자
LG화학
LG에너지솔루션 LG엔솔
LG디스플레이
LG유플러스 LGU+ LG U+ 엘지유플러스
LG이노텍
LG생활건강 LG생건
LG CNS
LG헬로비전
현대자동차그룹 현대차그룹
현대자동차 현대차
기아 기아차 기아자동차
현대모비스
현대건설
현대제철
현대글로비스
현대로템
현대위아
현대오토에버
현대엔지니어링
현대카드
현대캐피탈
HD현대 현대중공업그룹
HD현대중공업 현대중공업 현대중
HD한국조선해양 한국조선해양
HD현대일렉트릭
현대백화점
현대홈쇼핑
현대해상
현대산업개발 HDC현대산업개발
현대상선 HMM
롯데그룹 롯데
롯데쇼핑
롯데케미칼
롯데제과 롯데웰푸드
롯데칠성 롯데칠성음료
롯데건설
롯데호텔
롯데百화점
롯데백화점
롯데마트
롯데월드
롯데하이마트 하이마트
롯데카드
롯데손해보험
롯데렌탈
한화그룹 한화
한화솔루션
한화에어로스페이스
한화오션 대우조선해양
한화생명
한화손해보험
한화시스템
한화투자증권
포스코그룹 포스코
포스코홀딩스
포스코퓨처엠
포스코인터내셔널
포스코이앤씨 포스코건설
GS그룹 GS
GS칼텍스
GS리테일
GS건설
GS에너지
GS25
GS홈쇼핑
CJ그룹 CJ
CJ제일제당
CJ대한통운
CJ올리브영 올리브영
CJ CGV CGV
CJ오쇼핑
신세계그룹 신세계
이마트
신세계백화점
신세계인터내셔날
SSG닷컴 쓱닷컴
스타벅스코리아
KT KT그룹
KT&G
KT스카이라이프
kt cloud KT클라우드
두산그룹 두산
두산에너빌리티 두산중공업
두산밥캣
두산로보틱스
효성그룹 효성
효성중공업
효성첨단소재
LS그룹 LS
LS전선
LS일렉트릭 LS산전
한진그룹 한진
대한항공
아시아나항공 아시아나
진에어
제주항공
티웨이항공
에어부산
한진칼
HMM
팬오션
금호석유화학 금호석화
금호아시아나그룹
금호타이어
한국타이어앤테크놀로지 한국타이어
넥센타이어
코오롱그룹 코오롱
코오롱인더스트리
OCI
OCI홀딩스
영풍
고려아연
세아그룹
동국제강
KCC
한솔그룹
대림 DL그룹
DL이앤씨 대림산업
대우건설
GS건설
삼성엔지니어링
HDC그룹
부영그룹 부영
호반건설
중흥건설
태영건설
계룡건설
쌍용건설
쌍용자동차 쌍용차 KG모빌리티
르노코리아 르노삼성 르노삼성자동차
한국GM 한국지엠
현대미포조선
한국전력공사 한전 한국전력
한국가스공사 가스공사
한국수력원자력 한수원
한국석유공사 석유공사
한국도로공사 도로공사
한국토지주택공사 LH
한국철도공사 코레일
한국수자원공사 수자원공사
한국공항공사
인천국제공항공사 인천공항공사
한국마사회 마사회
한국관광공사 관광공사
한국조폐공사
한국주택금융공사 주택금융공사
한국지역난방공사 지역난방공사
한국남부발전
한국중부발전
한국서부발전
한국남동발전
한국동서발전
한국전력기술
한전KPS
한국농어촌공사
한국자산관리공사 캠코
한국투자공사
한국무역보험공사 무역보험공사
한국무역협회 무역협회
대한무역투자진흥공사 코트라 KOTRA
한국산업은행 산업은행 산은
중소기업은행 기업은행 IBK기업은행
한국수출입은행 수출입은행
KB금융지주 KB금융
KB국민은행 국민은행
KB증권
KB국민카드 국민카드
KB손해보험
신한금융지주 신한금융
신한은행
신한카드
신한투자증권
하나금융지주 하나금융
하나은행 KEB하나은행
하나증권
하나카드
우리금융지주 우리금융
우리은행
우리카드
NH농협금융지주 농협금융
NH농협은행 농협은행
농협중앙회 농협
NH투자증권
수협중앙회 수협
수협은행
BNK금융지주 BNK금융
부산은행
경남은행
DGB금융지주 DGB금융
대구은행
JB금융지주 JB금융
광주은행
전북은행
카카오뱅크 카뱅
케이뱅크
토스뱅크
SC제일은행
한국씨티은행 씨티은행
미래에셋증권
미래에셋그룹 미래에셋
미래에셋자산운용
한국투자증권
한국투자금융지주
키움증권
대신증권
메리츠증권
메리츠금융지주
메리츠화재
교보증권
교보생명
DB손해보험 DB손보
DB그룹
현대해상화재보험
흥국생명
동양생명
삼성자산운용
카카오 카카오 주식회사 Kakao
카카오페이
카카오모빌리티
카카오엔터테인먼트 카카오엔터
카카오게임즈
카카오픽코마
카카오헬스케어
카카오브레인
카카오엔터프라이즈
카카오스타일
카카오웹툰
Daum
네이버 NAVER
네이버웹툰
네이버파이낸셜
네이버클라우드
LINE 라인야후
쿠팡
배달의민족 배민
우아한형제들
비바리퍼블리카 토스뱅크앱
당근마켓
야놀자
직방
컬리 마켓컬리
무신사
엔씨소프트 엔씨 NC소프트
넥슨
넷마블
크래프톤
펄어비스
위메이드
컴투스
스마일게이트
네오위즈
하이브 HYBE
SM엔터테인먼트 SM
JYP엔터테인먼트 JYP
YG엔터테인먼트 YG
CJ ENM
스튜디오드래곤
셀트리온
셀트리온헬스케어
유한양행
한미약품
녹십자 GC녹십자
대웅제약
종근당
SK바이오사이언스
삼성바이오에피스
HLB
알테오젠
에코프로
에코프로비엠
엘앤에프
아모레퍼시픽
LG생활건강
오리온
농심
오뚜기
CJ프레시웨이
하이트진로
롯데칠성음료
빙그레
동원그룹
동원F&B
풀무원
SPC그룹 SPC
파리바게뜨
한샘
코웨이
웅진그룹 웅진
한국항공우주산업 KAI
LIG넥스원
풍산
HD현대인프라코어 두산인프라코어
아이지에이웍스 IGAWorks
닐슨코리아
한국갤럽 갤럽
리얼미터
엠브레인
한국리서치
입소스
카운터포인트리서치 카운터포인트
트렌드포스
IDC
가트너
""".strip().splitlines()
for line in COMPANIES:
    if '|' in line:
        w = line.split('|')
        add(w[0], 'org', *w[1:])
        continue
    w = words(line)
    if line.startswith('카카오 카카오 주식회사'):
        add('카카오', 'org', '카카오 주식회사', 'Kakao')
        continue
    if w[0] in ('LG', 'CJ', 'kt', 'SBS', '카카오T') and len(w) > 1 and w[1] in ('CNS', 'ENM', 'CGV', 'cloud', 'Biz'):
        add(w[0] + ' ' + w[1], 'org', *w[2:])
        continue
    if w[0] == 'LG유플러스':
        add('LG유플러스', 'org', 'LGU+', 'LG U+', '엘지유플러스')
        continue
    if w[0] == '카카오T':
        add('카카오T', 'product', '카카오 T', '카카오택시')
        continue
    if w[0] == '롯데百화점':
        continue
    add(w[0], 'org', *w[1:])

# products (typed product, their makers are organisations above)
PRODUCTS = """
카카오톡 카톡
카카오T 카카오택시
카카오맵
카카오페이지
멜론
모바일인덱스
갤럭시 갤럭시S
갤럭시Z플립 Z플립
갤럭시Z폴드 Z폴드
아이폰 iPhone
아이패드 iPad
맥북
애플워치
에어팟
비스포크
챗GPT ChatGPT 챗지피티
하이퍼클로바X 하이퍼클로바
제미나이 Gemini
코파일럿
안드로이드
유튜브 YouTube
인스타그램
페이스북
왓츠앱
틱톡 TikTok
위챗
텔레그램
트위터
디즈니플러스
티빙
쿠팡플레이
왓챠
배틀그라운드
리니지
메이플스토리
로스트아크
스타크래프트
리그오브레전드
제네시스
아이오닉
쏘나타
그랜저
카니발
쏘렌토
EV6
EV9
모델3
모델Y
사이버트럭
누리호
다누리
천리안
""".strip().splitlines()
for line in PRODUCTS:
    w = words(line)
    if w[0] in seen and seen[w[0]] == w[0] and any(r[0] == w[0] and r[1] != 'product' for r in rows):
        # listed above as an organisation by mistake: retype
        for i, r in enumerate(rows):
            if r[0] == w[0]:
                rows[i] = (r[0], 'product', r[2])
        continue
    add(w[0], 'product', *w[1:])

# ------------------------------------------------------- foreign companies
FOREIGN = """
애플 Apple
구글 Google 알파벳
마이크로소프트 MS Microsoft
아마존 Amazon 아마존닷컴
메타 Meta 메타플랫폼스
테슬라 Tesla
엔비디아 NVIDIA Nvidia
TSMC
인텔 Intel
AMD
퀄컴 Qualcomm
브로드컴
마이크론
ASML
ARM
IBM
오라클
시스코
어도비
세일즈포스
넷플릭스
우버
에어비앤비
오픈AI OpenAI 오픈에이아이
앤트로픽 Anthropic
딥마인드
스페이스X
트위터
소니 Sony
파나소닉
도요타 토요타
혼다
닛산
소프트뱅크
닌텐도
히타치
도시바
샤프
라쿠텐
유니클로 패스트리테일링
화웨이 Huawei
샤오미 Xiaomi
알리바바 Alibaba
알리익스프레스
테무 Temu
텐센트 Tencent
바이두 Baidu
바이트댄스
징둥 JD닷컴
BYD 비야디
CATL
레노버
폭스콘 훙하이
SMIC
폭스바겐
BMW
메르세데스벤츠 벤츠
아우디
포르쉐
포드
제너럴모터스 GM
스텔란티스
볼보
르노
지멘스
보쉬
바스프
필립스
노키아
에릭슨
네슬레
유니레버
P&G
코카콜라
펩시코
맥도날드
스타벅스
월마트
코스트코
나이키
아디다스
루이비통 LVMH
샤넬
에르메스
구찌
화이자 Pfizer
모더나 Moderna
아스트라제네카
존슨앤드존슨
머크
노바티스
로슈
일라이릴리
보잉
에어버스
록히드마틴
JP모건 JP모건체이스
골드만삭스
모건스탠리
뱅크오브아메리카
씨티그룹
블랙록
버크셔해서웨이
마스터카드
페이팔
엑슨모빌
셰브런
쉘
BP
사우디아람코 아람코
무디스
S&P 스탠더드앤드푸어스
""".strip().splitlines()
for line in FOREIGN:
    w = words(line)
    add(w[0], 'org', *w[1:])

# ---------------------------------------------------------- universities
UNIV = words("""
서울 고려 연세 성균관 한양 서강 중앙 경희 한국외국어:한국외대:외대 이화여자:이화여대:이대
숙명여자:숙명여대 건국 동국 홍익 국민 숭실 세종 광운 명지 상명 서울시립:서울시립대:시립대
한국과학기술원:KAIST:카이스트 포항공과:포스텍:POSTECH 울산과학기술원:UNIST:유니스트
광주과학기술원:GIST:지스트 대구경북과학기술원:DGIST:디지스트 부산 경북 전남 전북 충남 충북
강원 경상국립:경상대 제주 인하 아주 단국 가톨릭 인천 한국항공 한국교원:교원대
서울과학기술:서울과기대 한국기술교육:코리아텍 한국방송통신:방송대:방통대 한림 순천향 영남
계명 동아 부경 한국해양 경성 동의 조선 원광 전주 한남 배재 목원 충북 강릉원주 한경국립
가천 경기 수원 한신 성신여자:성신여대 덕성여자:덕성여대 동덕여자:동덕여대 서울여자:서울여대
한성 삼육 총신 한국체육:한체대 서울교육:서울교대 경인교육:경인교대 KDI국제정책대학원
""")
for u in UNIV:
    parts = u.split(':')
    base = parts[0]
    if base == 'KDI국제정책대학원':
        add(base, 'org')
        continue
    # 과학기술원 (KAIST, GIST …) are universities whose names have no 대학교
    full = base if base.endswith('원') else base + '대학교'
    extra = parts[1:]
    if not extra:
        extra = [base + '대']
    add(full, 'org', *extra)

# ---------------------------------------------------- public institutions
PUBLIC = """
한국개발연구원 KDI
한국조세재정연구원 조세연
대외경제정책연구원 KIEP
산업연구원
한국노동연구원 노동연구원
한국교육개발원
정보통신정책연구원 KISDI
한국전자통신연구원 ETRI
한국과학기술연구원 KIST
한국원자력연구원
한국항공우주연구원 항우연
한국생명공학연구원
한국화학연구원
한국기계연구원
한국표준과학연구원
한국천문연구원
한국지질자원연구원
한국에너지기술연구원
한국건설기술연구원
한국해양과학기술원
한국식품연구원
한국한의학연구원
국가보안기술연구소
한국인터넷진흥원 KISA
한국지능정보사회진흥원 NIA
정보통신산업진흥원 NIPA
한국콘텐츠진흥원 콘진원
한국소비자원 소비자원
한국거래소 KRX
한국예탁결제원
예금보험공사
신용보증기금
기술보증기금
국민연금공단 국민연금
국민건강보험공단 건보공단 건강보험공단
건강보험심사평가원 심평원
근로복지공단
한국산업인력공단
한국장학재단
한국연구재단
정보통신기획평가원 IITP
한국방송광고진흥공사 코바코
한국언론진흥재단 언론재단
한국소비자단체협의회
전국경제인연합회 전경련 한국경제인협회 한경협
대한상공회의소 대한상의
한국경영자총협회 경총
중소기업중앙회 중기중앙회
한국무역협회
한국은행연합회 은행연합회
금융투자협회 금투협
생명보험협회
손해보험협회
여신금융협회
한국인터넷기업협회 인기협
한국게임산업협회
한국방송협회
한국신문협회
대한변호사협회 대한변협 변협
대한의사협회 의협
대한간호협회 간협
대한약사회
대한치과의사협회
전국민주노동조합총연맹 민주노총
한국노동조합총연맹 한국노총
전국교직원노동조합 전교조
한국교원단체총연합회 교총
참여연대
경제정의실천시민연합 경실련
환경운동연합
대한적십자사 적십자사
대한체육회
대한축구협회 축구협회
한국야구위원회 KBO
한국프로축구연맹 프로축구연맹
한국농구연맹 KBL
한국배구연맹 KOVO
서울대학교병원 서울대병원
세브란스병원 신촌세브란스병원
서울아산병원
삼성서울병원
서울성모병원
분당서울대병원
국립중앙의료원
국립암센터
국립과학수사연구원 국과수
국가정보자원관리원
한국사회보장정보원
서울시청
서울시의회
서울시교육청
서울경찰청 서울지방경찰청
경기남부경찰청
경기북부경찰청
한국방송통신전파진흥원
""".strip().splitlines()
for line in PUBLIC:
    w = words(line)
    add(w[0], 'org', *w[1:])

# provincial bodies generated from the official naming pattern
PROV_SHORT = [('부산', '부산'), ('대구', '대구'), ('인천', '인천'), ('광주', '광주'),
              ('대전', '대전'), ('울산', '울산'), ('세종', '세종'), ('경기', '경기'),
              ('강원', '강원'), ('충북', '충북'), ('충남', '충남'), ('전북', '전북'),
              ('전남', '전남'), ('경북', '경북'), ('경남', '경남'), ('제주', '제주')]
for p, _ in PROV_SHORT:
    if p != '경기':
        add(p + '경찰청', 'org', p + '지방경찰청')
    add(p + '교육청', 'org', p + '도교육청' if p in ('경기', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주') else p + '시교육청')
    add(p + '소방본부', 'org')
    if p in ('부산', '대구', '인천', '광주', '대전', '울산', '세종'):
        add(p + '시의회', 'org')
        add(p + '시청', 'org')
    else:
        add(p + '도의회', 'org')
        add(p + '도청', 'org')
for c in CITIES_STRONG + CITIES_WEAK:
    if c in ('광주', '제주'):
        continue
    add(c + '시청', 'org')
    add(c + '시의회', 'org')
for c in COUNTIES_STRONG + COUNTIES_WEAK:
    if c == '여주':
        continue
    add(c + '군청', 'org')
    add(c + '군의회', 'org')
for g in SEOUL_GU:
    if g == '중':
        continue
    add(g + '구청', 'org')

# ------------------------------------------------------------ sports clubs
SPORTS = """
LG 트윈스|LG트윈스
두산 베어스|두산베어스
키움 히어로즈|키움히어로즈|키움
SSG 랜더스|SSG랜더스|SSG
KT 위즈|KT위즈
NC 다이노스|NC다이노스|NC
KIA 타이거즈|KIA타이거즈|기아타이거즈|KIA
삼성 라이온즈|삼성라이온즈
롯데 자이언츠|롯데자이언츠
한화 이글스|한화이글스
울산 HD|울산현대
전북 현대|전북현대모터스|전북현대
포항 스틸러스|포항스틸러스
FC서울|FC 서울
수원 삼성|수원삼성블루윙즈|수원삼성
대구FC|대구 FC
인천 유나이티드|인천유나이티드
제주 유나이티드|제주유나이티드
강원FC|강원 FC
광주FC|광주 FC
대전 하나시티즌|대전하나시티즌
맨체스터 유나이티드|맨유|맨체스터유나이티드
맨체스터 시티|맨시티|맨체스터시티
토트넘 홋스퍼|토트넘|토트넘홋스퍼
리버풀
첼시
아스널
레알 마드리드|레알마드리드
FC 바르셀로나|바르셀로나FC|바르사
바이에른 뮌헨|바이에른뮌헨|뮌헨FC
파리 생제르맹|파리생제르맹|PSG
LA 다저스|LA다저스|다저스
샌디에이고 파드리스|샌디에이고파드리스|파드리스
뉴욕 양키스|뉴욕양키스|양키스
샌프란시스코 자이언츠|샌프란시스코자이언츠
토론토 블루제이스|토론토블루제이스|블루제이스
텍사스 레인저스|텍사스레인저스
""".strip().splitlines()
for line in SPORTS:
    w = line.split('|')
    add(w[0], 'org', *w[1:])

# --------------------------------------------------------- output
out = sys.stdout
out.write('# gazetteer.tsv — canonical name, type, aliases (|-separated).\n')
out.write('# GENERATED by scripts/gen_gazetteer.py from public knowledge; edit the\n')
out.write('# script and re-run it. An alias starting with ~ is weak (also an\n')
out.write('# ordinary word): accepted only when the next word is a place too.\n')
out.write('name\ttype\taliases\n')
for name, typ, al in rows:
    out.write('%s\t%s\t%s\n' % (name, typ, '|'.join(al)))
sys.stderr.write('%d entries, %d surface forms\n' % (len(rows), len(seen)))
