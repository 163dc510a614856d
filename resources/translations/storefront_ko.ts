<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AccountClient</name>
    <message>
        <source>Changing the password</source>
        <translation>비밀번호 변경 중</translation>
    </message>
    <message>
        <source>Loading the order</source>
        <translation>주문 불러오는 중</translation>
    </message>
</context>
<context>
    <name>ActivityIndicator</name>
    <message>
        <source>%1… (%2 requests)</source>
        <translation>%1… (요청 %2건)</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
</context>
<context>
    <name>AddressBookPage</name>
    <message>
        <source>Addresses</source>
        <translation>배송지</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>연락처</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>No addresses yet. Add one to have orders delivered; without one, orders are picked up in person.</source>
        <translation>아직 배송지가 없습니다. 배송지를 추가하면 주문을 배송받을 수 있고, 없으면 직접 찾아가야 합니다.</translation>
    </message>
    <message>
        <source>&amp;Add address…</source>
        <translation>배송지 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>수정(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>✓ Default</source>
        <translation>✓ 기본</translation>
    </message>
    <message>
        <source>At most %1 addresses: delete one to add another.</source>
        <translation>배송지는 %1개까지 저장할 수 있습니다. 하나를 지운 뒤 추가하세요.</translation>
    </message>
    <message>
        <source>Address saved: %1, %2.</source>
        <translation>배송지 저장 완료: %1, %2.</translation>
    </message>
    <message>
        <source>Delete this address?</source>
        <translation>이 배송지를 삭제할까요?</translation>
    </message>
    <message>
        <source>%1, %2 leaves the address book. Orders already sent there keep their copy.</source>
        <translation>%1, %2 배송지를 목록에서 지웁니다. 이미 이 주소로 보낸 주문은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>그대로 두기(&amp;K)</translation>
    </message>
    <message>
        <source>Address deleted: %1, %2.</source>
        <translation>배송지 삭제 완료: %1, %2.</translation>
    </message>
    <message>
        <source>Orders go to %1, %2 unless you choose another address.</source>
        <translation>다른 배송지를 고르지 않으면 %1, %2(으)로 배송됩니다.</translation>
    </message>
    <message>
        <source>&amp;Make default</source>
        <translation>기본 배송지로(&amp;M)</translation>
    </message>
</context>
<context>
    <name>AddressChoice</name>
    <message>
        <source>Deliver &amp;to</source>
        <translation>배송지(&amp;T)</translation>
    </message>
    <message>
        <source>Pick up in person</source>
        <translation>직접 수령</translation>
    </message>
</context>
<context>
    <name>AddressDialog</name>
    <message>
        <source>Edit address</source>
        <translation>배송지 수정</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>새 배송지</translation>
    </message>
    <message>
        <source>&amp;Recipient</source>
        <translation>받는 사람(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>연락처(&amp;P)</translation>
    </message>
    <message>
        <source>R&amp;oad address</source>
        <translation>도로명 주소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Detail</source>
        <translation>상세 주소(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>이름(&amp;N)</translation>
    </message>
    <message>
        <source>Who receives the parcel</source>
        <translation>택배를 받을 사람</translation>
    </message>
    <message>
        <source>010-1234-5678</source>
        <translation>010-1234-5678</translation>
    </message>
    <message>
        <source>5 digits</source>
        <translation>5자리</translation>
    </message>
    <message>
        <source>Road name and building number</source>
        <translation>도로명과 건물 번호</translation>
    </message>
    <message>
        <source>Building, floor, unit (optional)</source>
        <translation>동, 층, 호(선택)</translation>
    </message>
    <message>
        <source>Home, office… (optional)</source>
        <translation>집, 회사…(선택)</translation>
    </message>
    <message>
        <source>Deliver here &amp;by default</source>
        <translation>기본 배송지로 설정(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add address</source>
        <translation>배송지 추가(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Write who receives the parcel.</source>
        <translation>받는 사람을 입력해 주세요.</translation>
    </message>
    <message>
        <source>A Korean number, such as 010-1234-5678 or 02-123-4567.</source>
        <translation>010-1234-5678이나 02-123-4567 같은 국내 번호를 입력해 주세요.</translation>
    </message>
    <message>
        <source>The postal code has 5 digits.</source>
        <translation>우편번호는 5자리입니다.</translation>
    </message>
    <message>
        <source>Write the road address.</source>
        <translation>도로명 주소를 입력해 주세요.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>%1(으)로 저장됨</translation>
    </message>
    <message>
        <source>Pos&amp;tal code</source>
        <translation>우편번호(&amp;T)</translation>
    </message>
</context>
<context>
    <name>AdminClient</name>
    <message>
        <source>Loading orders</source>
        <translation>주문 불러오는 중</translation>
    </message>
    <message>
        <source>Loading the order</source>
        <translation>주문 불러오는 중</translation>
    </message>
    <message>
        <source>Refunding</source>
        <translation>환불 처리 중</translation>
    </message>
    <message>
        <source>Loading customers</source>
        <translation>고객 불러오는 중</translation>
    </message>
    <message>
        <source>Loading the customer</source>
        <translation>고객 정보 불러오는 중</translation>
    </message>
    <message>
        <source>Disabling the account</source>
        <translation>계정 정지 중</translation>
    </message>
    <message>
        <source>Enabling the account</source>
        <translation>계정 정지 해제 중</translation>
    </message>
    <message>
        <source>Adjusting the stock</source>
        <translation>재고 조정 중</translation>
    </message>
    <message>
        <source>Loading the stock history</source>
        <translation>재고 내역 불러오는 중</translation>
    </message>
    <message>
        <source>Loading the audit log</source>
        <translation>변경 기록 불러오는 중</translation>
    </message>
    <message>
        <source>Loading the backups</source>
        <translation>백업 목록 불러오는 중</translation>
    </message>
    <message>
        <source>Starting a backup</source>
        <translation>백업 시작 중</translation>
    </message>
    <message>
        <source>Downloading the report</source>
        <translation>보고서 내려받는 중</translation>
    </message>
</context>
<context>
    <name>AdminOrdersPage</name>
    <message>
        <source>%1 × %2</source>
        <comment>units × product</comment>
        <translation>%2 × %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>the first line, then how many other lines</comment>
        <translation>
            <numerusform>%1 외 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문 관리</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>결제 일시</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>주문 상품</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 금액</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불 금액</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>No orders match. Orders appear here as customers pay.</source>
        <translation>조건에 맞는 주문이 없습니다. 고객이 결제하면 여기에 주문이 표시됩니다.</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>환불(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation>주문 취소(&amp;C)…</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>상태(&amp;T)</translation>
    </message>
    <message>
        <source>Paid &amp;from</source>
        <translation>결제일(&amp;F)</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>~(&amp;O)</translation>
    </message>
    <message>
        <source>Order number or username</source>
        <translation>주문 번호 또는 아이디</translation>
    </message>
    <message>
        <source>Search orders by number or username</source>
        <translation>주문 번호나 아이디로 주문 검색</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>Refunded %1 of order #%2; it is now %3.</source>
        <translation>주문 #%2에서 %1 환불 완료. 현재 상태: %3.</translation>
    </message>
    <message>
        <source>Cancel order #%1?</source>
        <translation>주문 #%1 취소할까요?</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>주문 취소</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>주문 유지</translation>
    </message>
    <message>
        <source>The order was not cancelled. %1</source>
        <translation>주문이 취소되지 않았습니다. %1</translation>
    </message>
    <message>
        <source>Order #%1 cancelled.</source>
        <translation>주문 #%1 취소를 완료했습니다.</translation>
    </message>
    <message>
        <source>Fulfilment</source>
        <translation>배송 관리</translation>
    </message>
    <message>
        <source>Any fulfilment</source>
        <translation>모든 배송 상태</translation>
    </message>
    <message>
        <source>Order #%1 will be cancelled now: %2 (what is not refunded yet) goes back to %3&apos;s wallet and every unit not refunded back to stock. This cannot be undone.</source>
        <translation>주문 #%1 취소를 지금 진행합니다. 아직 환불되지 않은 금액 %2은 %3 님의 지갑으로, 환불되지 않은 상품은 모두 재고로 돌아갑니다. 되돌릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>변경 기록</translation>
    </message>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>누가</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Every change an administrator makes is listed here.</source>
        <translation>아직 기록이 없습니다. 관리자가 바꾼 내용은 모두 여기에 기록됩니다.</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>보기(&amp;H)</translation>
    </message>
    <message>
        <source>Every record</source>
        <translation>모든 대상</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경 내용</translation>
    </message>
    <message>
        <source>Select an entry to see what it changed.</source>
        <translation>기록을 선택하면 무엇이 바뀌었는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>한 일</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <source>product #%1</source>
        <translation>상품 #%1</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <comment>units × product</comment>
        <translation>%2 × %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1, 개당 %2</translation>
    </message>
    <message>
        <source>%1 (%2 refunded)</source>
        <translation>%1(%2개 환불됨)</translation>
    </message>
    <message>
        <source>picture #%1 (%2 × %3)</source>
        <translation>사진 #%1(%2 × %3)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>field name, its value</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>요청됨</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>승인됨</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>거절됨</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>쿠폰</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>상점</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>재고</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Parent category</source>
        <translation>상위 카테고리</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>사진</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>사진</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성 일시</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>상품 금액</translation>
    </message>
    <message>
        <source>Coupon discount</source>
        <translation>쿠폰 할인</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 금액</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불 금액</translation>
    </message>
    <message>
        <source>Coupon used</source>
        <translation>사용한 쿠폰</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>결제 일시</translation>
    </message>
    <message>
        <source>Cancelled at</source>
        <translation>취소 일시</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>환불 내역</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Back in stock</source>
        <translation>재고로 돌림</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변동</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>배송지</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>받는 분</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>연락처</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>우편번호</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Address detail</source>
        <translation>상세 주소</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>배송</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>택배사</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>송장 번호</translation>
    </message>
    <message>
        <source>Packed at</source>
        <translation>포장 일시</translation>
    </message>
    <message>
        <source>Shipped at</source>
        <translation>발송 일시</translation>
    </message>
    <message>
        <source>Delivered at</source>
        <translation>배송 완료 일시</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>처리 일시</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>할인</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>발급</translation>
    </message>
    <message>
        <source>Left to claim</source>
        <translation>남은 수량</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>사용 시작</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>사용 기한</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>권한</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>잔액</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문 수</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>쿠폰</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <source>Rate (percent off)</source>
        <translation>정률(% 할인)</translation>
    </message>
    <message>
        <source>Fixed amount (won off)</source>
        <translation>정액(원 할인)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>관리자</translation>
    </message>
    <message>
        <source>Shopper</source>
        <translation>구매 회원</translation>
    </message>
    <message>
        <source>Added product %1 at %2</source>
        <translation>상품 %1 등록, 가격 %2</translation>
    </message>
    <message>
        <source>Saved product %1 unchanged</source>
        <translation>상품 %1 저장(변경 없음)</translation>
    </message>
    <message>
        <source>Changed product %1: %2</source>
        <translation>상품 %1 수정: %2</translation>
    </message>
    <message>
        <source>Added %1 to the stock of product #%2 (now %3): %4</source>
        <translation>상품 #%2 재고 %1개 추가(현재 %3개): %4</translation>
    </message>
    <message>
        <source>Took %1 from the stock of product #%2 (now %3): %4</source>
        <translation>상품 #%2 재고 %1개 차감(현재 %3개): %4</translation>
    </message>
    <message>
        <source>Added a picture to product #%1</source>
        <translation>상품 #%1에 사진 추가</translation>
    </message>
    <message>
        <source>Removed picture #%1 from product #%2</source>
        <translation>상품 #%2에서 사진 #%1 삭제</translation>
    </message>
    <message>
        <source>Added category %1</source>
        <translation>카테고리 %1 추가</translation>
    </message>
    <message>
        <source>Renamed category “%1” to “%2”</source>
        <translation>카테고리 이름 변경: “%1” → “%2”</translation>
    </message>
    <message>
        <source>Moved category %1</source>
        <translation>카테고리 %1 이동</translation>
    </message>
    <message>
        <source>Deleted category %1</source>
        <translation>카테고리 %1 삭제</translation>
    </message>
    <message>
        <source>%1% off</source>
        <translation>%1% 할인</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>%1 할인</translation>
    </message>
    <message>
        <source>Created coupon %1: %2, %3 to claim</source>
        <translation>쿠폰 %1 발행: %2, %3장</translation>
    </message>
    <message>
        <source>Refunded %1 of order %2: %3</source>
        <translation>주문 %2에서 %1 환불: %3</translation>
    </message>
    <message>
        <source>Cancelled order %1: %2 back to the wallet</source>
        <translation>주문 %1 취소: 지갑으로 %2 환불</translation>
    </message>
    <message>
        <source>Packed order %1</source>
        <translation>주문 %1 포장 완료</translation>
    </message>
    <message>
        <source>Shipped order %1 with %2, tracking number %3</source>
        <translation>주문 %1 발송: %2, 송장 번호 %3</translation>
    </message>
    <message>
        <source>Marked order %1 delivered</source>
        <translation>주문 %1 배송 완료 처리</translation>
    </message>
    <message>
        <source>Handed order %1 over</source>
        <translation>주문 %1 전달 완료</translation>
    </message>
    <message>
        <source>Moved order %1 to “%2”</source>
        <translation>주문 %1 상태 변경: “%2”</translation>
    </message>
    <message>
        <source>Accepted return #%1 of order %2: refunded %3</source>
        <translation>주문 %2의 반품 #%1 승인: %3 환불</translation>
    </message>
    <message>
        <source>Rejected return #%1 of order %2</source>
        <translation>주문 %2의 반품 #%1 거절</translation>
    </message>
    <message>
        <source>Rejected return #%1 of order %2: %3</source>
        <translation>주문 %2의 반품 #%1 거절: %3</translation>
    </message>
    <message>
        <source>Disabled account %1</source>
        <translation>계정 %1 정지</translation>
    </message>
    <message>
        <source>Enabled account %1</source>
        <translation>계정 %1 정지 해제</translation>
    </message>
    <message>
        <source>Loaded the demo shop: %1 products, %2 orders</source>
        <translation>데모 상점 불러오기: 상품 %1개, 주문 %2건</translation>
    </message>
    <message>
        <source>Loaded the demo shop</source>
        <translation>데모 상점 불러오기</translation>
    </message>
    <message>
        <source>%1 on %2 #%3</source>
        <translation>%2 #%3: %1</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (removed)</source>
        <translation>%1: %2 (삭제됨)</translation>
    </message>
    <message>
        <source>By %1 at %2.</source>
        <translation>%1, %2.</translation>
    </message>
    <message>
        <source> Created with:</source>
        <translation> 생성 내용:</translation>
    </message>
    <message>
        <source> Deleted; it was:</source>
        <translation> 삭제됨, 삭제 전 내용:</translation>
    </message>
    <message>
        <source> Changed:</source>
        <translation> 변경 내용:</translation>
    </message>
    <message>
        <source>No field changed.</source>
        <translation>바뀐 항목이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:#777&apos;&gt;%n other field(s) unchanged.&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&apos;color:#777&apos;&gt;나머지 %n개 항목은 그대로입니다.&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>반품</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Backups</source>
        <translation>백업</translation>
    </message>
    <message>
        <source>Back up into</source>
        <translation>백업 위치</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>지금 백업(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>폴더 열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Change folder…</source>
        <translation>폴더 바꾸기(&amp;C)…</translation>
    </message>
    <message>
        <source>Where the files are</source>
        <translation>백업 파일 위치</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>백업 일시</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행 수</translation>
    </message>
    <message>
        <source>Backed up and verified: %1, restored into a scratch database and checked.</source>
        <translation>백업과 검증 완료: %1, 임시 데이터베이스에 복원해 확인했습니다.</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>백업 실패: %1</translation>
    </message>
    <message>
        <source>Starting a backup…</source>
        <translation>백업 시작 중…</translation>
    </message>
    <message>
        <source>No backup was started: %1</source>
        <translation>백업을 시작하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Reading the shop&apos;s backups…</source>
        <translation>상점 백업 목록 읽는 중…</translation>
    </message>
    <message>
        <source>No backups yet, and this server takes none on its own: it has no backup folder.</source>
        <translation>아직 백업이 없습니다. 이 서버에는 백업 폴더가 없어 자동 백업도 하지 않습니다.</translation>
    </message>
    <message>
        <source>Checking the backup: restoring it into a scratch database…</source>
        <translation>백업 확인 중: 임시 데이터베이스에 복원하는 중…</translation>
    </message>
    <message>
        <source>Taking the backup while the shop goes on serving…</source>
        <translation>상점 운영은 그대로 두고 백업하는 중…</translation>
    </message>
    <message>
        <source>Another server of this shop is taking a backup…</source>
        <translation>이 상점의 다른 서버가 백업하는 중…</translation>
    </message>
    <message>
        <source>Backups of this app&apos;s shop are kept on this computer in %1.</source>
        <translation>이 앱의 상점 백업은 이 컴퓨터의 %1에 보관됩니다.</translation>
    </message>
    <message>
        <source>Backups are kept on the server&apos;s computer in %1.</source>
        <translation>백업은 서버 컴퓨터의 %1에 보관됩니다.</translation>
    </message>
    <message>
        <source>Backups go to %1.</source>
        <translation>백업 위치: %1.</translation>
    </message>
    <message>
        <source>From the app&apos;s next start, backups go to %1. Until then they go where they went.</source>
        <translation>앱을 다음에 시작할 때부터 %1에 백업합니다. 그전까지는 지금 위치에 백업합니다.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>Select a backup to see its files and how to restore it.</source>
        <translation>백업을 선택하면 파일과 복원 방법을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Backup of %1</source>
        <translation>%1 백업</translation>
    </message>
    <message>
        <source>This backup failed: %1</source>
        <translation>이 백업은 실패했습니다: %1</translation>
    </message>
    <message>
        <source>This backup is still being taken and checked.</source>
        <translation>이 백업은 아직 진행·확인 중입니다.</translation>
    </message>
    <message>
        <source>and start the app again. What happened after the backup is lost.</source>
        <translation>그런 다음 앱을 다시 시작하세요. 백업 이후의 변경 내용은 사라집니다.</translation>
    </message>
    <message>
        <source>✔ Verified</source>
        <translation>✔ 검증됨</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>Taking…</source>
        <translation>백업 중…</translation>
    </message>
    <message>
        <source>✘ Failed</source>
        <translation>✘ 실패</translation>
    </message>
    <message>
        <source>This server takes no backups: its administrator sets backup-dir in its configuration (README, “Backups and restore”).</source>
        <translation>이 서버는 백업하지 않습니다. 서버 관리자가 설정에서 backup-dir을 지정해야 합니다(README의 “Backups and restore”).</translation>
    </message>
    <message>
        <source>and start it again (README, “Backups and restore”). What happened after the backup is lost.</source>
        <translation>그런 다음 서버를 다시 시작하세요(README의 “Backups and restore”). 백업 이후의 변경 내용은 사라집니다.</translation>
    </message>
    <message>
        <source>No backups yet. One is taken on its own when none was taken for %1 h; “Back up now” takes one at once.</source>
        <translation>아직 백업이 없습니다. %1시간 동안 백업이 없으면 자동으로 백업하며, ‘지금 백업’을 누르면 바로 백업합니다.</translation>
    </message>
    <message>
        <source>A backup is taken when none was taken for %1 h. The newest verified ones are kept, %2 at most; older ones are removed once a newer one is verified.</source>
        <translation>%1시간 동안 백업이 없으면 자동으로 백업합니다. 검증된 최신 백업을 최대 %2개까지 보관하며, 새 백업이 검증되면 오래된 백업은 지웁니다.</translation>
    </message>
    <message>
        <source>Its files: %1

To restore it, quit this app, then run:</source>
        <translation>백업 파일: %1

복원하려면 앱을 종료한 뒤 다음을 실행하세요:</translation>
    </message>
    <message>
        <source>Its files: %1

To restore it, stop the server, then run on its computer:</source>
        <translation>백업 파일: %1

복원하려면 서버를 멈추고 서버 컴퓨터에서 다음을 실행하세요:</translation>
    </message>
</context>
<context>
    <name>Cart</name>
    <message>
        <source>%1 is sold out.</source>
        <translation>%1 상품이 품절되었습니다.</translation>
    </message>
    <message>
        <source>All %1 in stock are already in your cart.</source>
        <translation>재고 %1개가 모두 장바구니에 있습니다.</translation>
    </message>
    <message>
        <source>At most %1 of one product per order.</source>
        <translation>한 주문에 같은 상품은 %1개까지 살 수 있습니다.</translation>
    </message>
    <message>
        <source>Only %1 more: %2 in stock, %3 already in your cart.</source>
        <translation>%1개만 더 담을 수 있습니다. 재고 %2개 중 %3개가 이미 장바구니에 있습니다.</translation>
    </message>
    <message>
        <source>Only %1 in stock.</source>
        <translation>재고가 %1개뿐입니다.</translation>
    </message>
</context>
<context>
    <name>CartPage</name>
    <message>
        <source>%1% off</source>
        <translation>%1% 할인</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>%1 할인</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>장바구니</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>소계</translation>
    </message>
    <message>
        <source>Your cart is empty. Add products from the Shop page.</source>
        <translation>장바구니가 비어 있습니다. 쇼핑 화면에서 상품을 담아 보세요.</translation>
    </message>
    <message>
        <source>Cart lines</source>
        <translation>장바구니 상품</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>수량(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>삭제(&amp;R)</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>C&amp;oupon</source>
        <translation>쿠폰(&amp;O)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>상품 금액</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>할인</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>결제 금액</translation>
    </message>
    <message>
        <source>Wallet balance</source>
        <translation>지갑 잔액</translation>
    </message>
    <message>
        <source>Only %1 in stock.</source>
        <translation>재고가 %1개뿐입니다.</translation>
    </message>
    <message>
        <source>At most %1 of one product per order.</source>
        <translation>한 주문에 같은 상품은 %1개까지 살 수 있습니다.</translation>
    </message>
    <message>
        <source>No coupons to use</source>
        <translation>사용할 쿠폰 없음</translation>
    </message>
    <message>
        <source>No coupon</source>
        <translation>쿠폰 사용 안 함</translation>
    </message>
    <message>
        <source>%1 — sold out</source>
        <translation>%1 — 품절</translation>
    </message>
    <message>
        <source>%1 — only %2 left</source>
        <translation>%1 — %2개 남음</translation>
    </message>
    <message>
        <source>%1 is sold out</source>
        <translation>%1 품절</translation>
    </message>
    <message>
        <source>only %1 %2 left (the cart holds %3)</source>
        <translation>%2 %1개 남음(장바구니에 %3개)</translation>
    </message>
    <message>
        <source>Not enough in stock: %1. Lower the quantity or remove the line to pay.</source>
        <translation>재고가 부족합니다: %1. 수량을 줄이거나 상품을 빼야 결제할 수 있습니다.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>The wallet has less than the amount to pay: charge it first.</source>
        <translation>지갑 잔액이 결제 금액보다 적습니다. 먼저 충전해 주세요.</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>결제 중…</translation>
    </message>
    <message>
        <source>&amp;Pay %1</source>
        <translation>%1 결제하기(&amp;P)</translation>
    </message>
    <message>
        <source>Order #%1 paid: %2 taken from the wallet (total %3, coupon discount %4).</source>
        <translation>주문 #%1 결제 완료: 지갑에서 %2 결제(상품 금액 %3, 쿠폰 할인 %4).</translation>
    </message>
    <message>
        <source>Order #%1 paid: %2 taken from the wallet.</source>
        <translation>주문 #%1 결제 완료: 지갑에서 %2 결제.</translation>
    </message>
    <message>
        <source>Out of stock — not enough %1 left for %2. Nothing was charged.</source>
        <translation>재고 부족 — %1 재고가 %2개보다 적습니다. 결제되지 않았습니다.</translation>
    </message>
    <message>
        <source> Charge the wallet and pay again; nothing was charged.</source>
        <translation> 지갑을 충전한 뒤 다시 결제해 주세요. 결제되지 않았습니다.</translation>
    </message>
    <message>
        <source> Choose another coupon or none.</source>
        <translation> 다른 쿠폰을 고르거나 쿠폰 없이 결제해 주세요.</translation>
    </message>
    <message>
        <source> Nothing was charged.</source>
        <translation> 결제되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 will be taken from the wallet.</source>
        <translation>지갑에서 나가는 금액: %1</translation>
    </message>
    <message>
        <source>Coupon “%1”: %2 off.</source>
        <translation>쿠폰 “%1”: %2 할인</translation>
    </message>
    <message>
        <source>The balance will then be %1.</source>
        <translation>결제 후 잔액: %1</translation>
    </message>
    <message>
        <source>Pay %1?</source>
        <translation>%1 결제할까요?</translation>
    </message>
    <message>
        <source>Don&apos;t pay</source>
        <translation>결제하지 않기</translation>
    </message>
</context>
<context>
    <name>CatalogueClient</name>
    <message>
        <source>Loading products</source>
        <translation>상품 불러오는 중</translation>
    </message>
    <message>
        <source>Loading categories</source>
        <translation>카테고리 불러오는 중</translation>
    </message>
    <message>
        <source>Adding the category</source>
        <translation>카테고리 추가 중</translation>
    </message>
    <message>
        <source>Saving the category</source>
        <translation>카테고리 저장 중</translation>
    </message>
    <message>
        <source>Deleting the category</source>
        <translation>카테고리 삭제 중</translation>
    </message>
    <message>
        <source>Uploading the picture</source>
        <translation>사진 올리는 중</translation>
    </message>
    <message>
        <source>Removing the picture</source>
        <translation>사진 삭제 중</translation>
    </message>
    <message>
        <source>Loading pictures</source>
        <translation>사진 불러오는 중</translation>
    </message>
    <message>
        <source>The picture could not be read.</source>
        <translation>사진을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Loading the demo shop</source>
        <translation>데모 상점 불러오는 중</translation>
    </message>
</context>
<context>
    <name>CatalogueFilters</name>
    <message>
        <source>Search products (name, description, SKU)</source>
        <translation>상품 검색(이름, 설명, SKU)</translation>
    </message>
    <message>
        <source>Search products</source>
        <translation>상품 검색</translation>
    </message>
    <message>
        <source>Min ₩</source>
        <translation>최저가(원)</translation>
    </message>
    <message>
        <source>Max ₩</source>
        <translation>최고가(원)</translation>
    </message>
    <message>
        <source>Lowest price</source>
        <translation>최저 가격</translation>
    </message>
    <message>
        <source>Highest price</source>
        <translation>최고 가격</translation>
    </message>
    <message>
        <source>In stock only</source>
        <translation>재고 있는 상품만</translation>
    </message>
    <message>
        <source>Order of products</source>
        <translation>상품 정렬</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>정확도순</translation>
    </message>
    <message>
        <source>Price: low to high</source>
        <translation>낮은 가격순</translation>
    </message>
    <message>
        <source>Price: high to low</source>
        <translation>높은 가격순</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>최신순</translation>
    </message>
    <message>
        <source>Popular (last 3 days)</source>
        <translation>인기순(최근 3일)</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>카드형</translation>
    </message>
    <message>
        <source>List</source>
        <translation>목록형</translation>
    </message>
    <message>
        <source>Show products as a grid</source>
        <translation>상품을 카드로 보기</translation>
    </message>
    <message>
        <source>Show products as a list</source>
        <translation>상품을 목록으로 보기</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>A price can be at most %1.</source>
        <translation>가격은 %1까지 입력할 수 있습니다.</translation>
    </message>
    <message>
        <source>The lowest price (%1) is above the highest (%2).</source>
        <translation>최저가(%1)가 최고가(%2)보다 높습니다.</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Categories</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <source>e.g. Cookware</source>
        <translation>예: 주방용품</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>이름(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Under</source>
        <translation>상위 카테고리(&amp;U)</translation>
    </message>
    <message>
        <source>Add puts a new category with this name under the one chosen in “Under”. Rename and Move here change the category selected in the tree. Only an empty category can be deleted.</source>
        <translation>‘추가’는 이 이름으로 새 카테고리를 ‘상위 카테고리’ 아래에 만듭니다. ‘이름 변경’과 ‘여기로 이동’은 트리에서 선택한 카테고리를 바꿉니다. 비어 있는 카테고리만 삭제할 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>이름 변경(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Move here</source>
        <translation>여기로 이동(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>At the top</source>
        <translation>최상위</translation>
    </message>
    <message>
        <source>the top</source>
        <translation>최상위</translation>
    </message>
    <message>
        <source>There is already a category named “%1” there; names are unique among siblings.</source>
        <translation>같은 위치에 “%1” 카테고리가 이미 있습니다. 같은 위치의 카테고리 이름은 겹칠 수 없습니다.</translation>
    </message>
    <message>
        <source>A category cannot move under itself or under one of its own subcategories.</source>
        <translation>카테고리를 자기 자신이나 자신의 하위 카테고리 아래로 옮길 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 Nothing was changed.</source>
        <translation>%1 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <source>%1: “%2” is now %3.</source>
        <translation>%1: “%2” → %3</translation>
    </message>
    <message>
        <source>Give the new category a name.</source>
        <translation>새 카테고리의 이름을 입력해 주세요.</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>추가하지 못함</translation>
    </message>
    <message>
        <source>Give the category a name.</source>
        <translation>카테고리 이름을 입력해 주세요.</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>이름 변경 완료</translation>
    </message>
    <message>
        <source>Not renamed</source>
        <translation>이름을 바꾸지 못함</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>이동 완료</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>옮기지 못함</translation>
    </message>
    <message>
        <source>it still holds products or categories. Move them elsewhere (or delete them) first.</source>
        <translation>아직 상품이나 하위 카테고리가 있습니다. 먼저 다른 곳으로 옮기거나 삭제해 주세요.</translation>
    </message>
    <message>
        <source>“%1” was not deleted: %2</source>
        <translation>“%1” 삭제 실패: %2</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>“%1” 삭제 완료.</translation>
    </message>
</context>
<context>
    <name>CategoryTree</name>
    <message>
        <source>All products (%1)</source>
        <translation>전체 상품(%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
</context>
<context>
    <name>CouponForm</name>
    <message>
        <source>Coupon campaigns</source>
        <translation>쿠폰 발행</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>쿠폰</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>할인</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>발급</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>전체 수량</translation>
    </message>
    <message>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Nothing here yet. Create the first campaign with the form.</source>
        <translation>아직 발행한 쿠폰이 없습니다. 오른쪽 양식으로 첫 쿠폰을 발행해 보세요.</translation>
    </message>
    <message>
        <source>e.g. Spring sale 10%</source>
        <translation>예: 봄맞이 10% 할인</translation>
    </message>
    <message>
        <source>Fixed amount (won off)</source>
        <translation>정액 할인(원)</translation>
    </message>
    <message>
        <source>Rate (percent off)</source>
        <translation>정률 할인(%)</translation>
    </message>
    <message>
        <source>New coupon</source>
        <translation>새 쿠폰</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>쿠폰 이름(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>종류(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Discount</source>
        <translation>할인(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>수량(&amp;Q)</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>사용 시작(&amp;F)</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>사용 종료(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Create coupon</source>
        <translation>쿠폰 발행(&amp;C)</translation>
    </message>
    <message>
        <source>%1% off</source>
        <translation>%1% 할인</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>%1 할인</translation>
    </message>
    <message>
        <source>Give the coupon a name.</source>
        <translation>쿠폰 이름을 입력해 주세요.</translation>
    </message>
    <message>
        <source>The coupon must end after it starts.</source>
        <translation>사용 종료는 사용 시작보다 뒤여야 합니다.</translation>
    </message>
    <message>
        <source>The end of the window is in the past: nobody could use it.</source>
        <translation>사용 종료가 이미 지났습니다. 아무도 쓸 수 없는 쿠폰입니다.</translation>
    </message>
    <message>
        <source>Not created: %1 The form keeps what you typed.</source>
        <translation>발행하지 못했습니다: %1 입력한 내용은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Created coupon #%1 “%2”: %3 to claim.</source>
        <translation>쿠폰 #%1 “%2” 발행 완료: %3장.</translation>
    </message>
</context>
<context>
    <name>CouponsPage</name>
    <message>
        <source>%1% off</source>
        <translation>%1% 할인</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>%1 할인</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>쿠폰</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>쿠폰</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>할인</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>남은 수량</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>전체 수량</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>사용 기한</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>내 쿠폰</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>받은 날</translation>
    </message>
    <message>
        <source>No open coupons right now. New campaigns show here as they start.</source>
        <translation>지금 받을 수 있는 쿠폰이 없습니다. 새 쿠폰은 시작되는 대로 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Nothing here yet. Coupons you claim above are listed here.</source>
        <translation>아직 받은 쿠폰이 없습니다. 위에서 받은 쿠폰이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Open coupons</source>
        <translation>받을 수 있는 쿠폰</translation>
    </message>
    <message>
        <source>My coupons</source>
        <translation>내 쿠폰</translation>
    </message>
    <message>
        <source>C&amp;laim</source>
        <translation>쿠폰 받기(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>보기(&amp;H)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>사용 가능</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>사용 완료</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>기간 만료</translation>
    </message>
    <message>
        <source>✓ claimed</source>
        <translation>✓ 받음</translation>
    </message>
    <message>
        <source>Claimed “%1”. It is in your coupons and ready to use at checkout.</source>
        <translation>“%1” 쿠폰을 받았습니다. 내 쿠폰에 있으며 결제할 때 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Open coupons — first come, first served</source>
        <translation>받을 수 있는 쿠폰(&amp;O) — 선착순</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Administrator</source>
        <translation>관리자</translation>
    </message>
    <message>
        <source>Shopper</source>
        <translation>구매 회원</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>사용 가능</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>사용 완료</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>기간 만료</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>고객 관리</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>권한</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>잔액</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문 수</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>가입일</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>결제 일시</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 금액</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>쿠폰</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>사용 기한</translation>
    </message>
    <message>
        <source>Search by the beginning of a username</source>
        <translation>아이디 앞부분으로 검색</translation>
    </message>
    <message>
        <source>Search customers by username</source>
        <translation>아이디로 고객 검색</translation>
    </message>
    <message>
        <source>Latest orders</source>
        <translation>최근 주문</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>쿠폰</translation>
    </message>
    <message>
        <source>No orders yet.</source>
        <translation>아직 주문이 없습니다.</translation>
    </message>
    <message>
        <source>No coupons.</source>
        <translation>쿠폰이 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Latest orders&lt;/b&gt;</source>
        <translation>&lt;b&gt;최근 주문&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Coupons&lt;/b&gt;</source>
        <translation>&lt;b&gt;쿠폰&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>정지됨</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>아직 계정이 없습니다.</translation>
    </message>
    <message>
        <source>No username begins with “%1”.</source>
        <translation>“%1”(으)로 시작하는 아이디가 없습니다.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Select an account to see its balance, orders and coupons.</source>
        <translation>계정을 선택하면 잔액, 주문, 쿠폰을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Disable account…</source>
        <translation>계정 정지(&amp;D)…</translation>
    </message>
    <message>
        <source>Account #%1, %2, since %3&lt;br&gt;Balance &lt;b&gt;%4&lt;/b&gt; · %5&lt;br&gt;%6</source>
        <translation>계정 #%1 · %2 · 가입일 %3&lt;br&gt;잔액 &lt;b&gt;%4&lt;/b&gt; · %5&lt;br&gt;%6</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>주문 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#8a1c1c&apos;&gt;&lt;b&gt;Disabled&lt;/b&gt;: cannot sign in.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#8a1c1c&apos;&gt;&lt;b&gt;정지됨&lt;/b&gt;: 로그인할 수 없습니다.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&amp;Enable account…</source>
        <translation>정지 해제(&amp;E)…</translation>
    </message>
    <message>
        <source>%1 will not be able to sign in, and the sessions open now end within seconds. Their orders, balance and coupons stay as they are; you can enable the account again later.</source>
        <translation>%1 님은 로그인할 수 없게 되고, 지금 열려 있는 세션도 몇 초 안에 끝납니다. 주문, 잔액, 쿠폰은 그대로 남으며 나중에 정지를 해제할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 will be able to sign in again.</source>
        <translation>%1 님이 다시 로그인할 수 있게 됩니다.</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>%1 님의 계정을 정지할까요?</translation>
    </message>
    <message>
        <source>Enable %1?</source>
        <translation>%1 님의 계정 정지를 해제할까요?</translation>
    </message>
    <message>
        <source>Disable the account</source>
        <translation>계정 정지</translation>
    </message>
    <message>
        <source>Enable the account</source>
        <translation>정지 해제</translation>
    </message>
    <message>
        <source>Leave it as it is</source>
        <translation>그대로 두기</translation>
    </message>
    <message>
        <source>You cannot disable your own account: another administrator would have to.</source>
        <translation>자기 계정은 정지할 수 없습니다. 다른 관리자가 정지해야 합니다.</translation>
    </message>
    <message>
        <source>%1 was not changed. %2</source>
        <translation>%1 님의 계정이 바뀌지 않았습니다. %2</translation>
    </message>
    <message>
        <source>%1 is disabled: it cannot sign in.</source>
        <translation>%1 님의 계정을 정지했습니다. 로그인할 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is enabled again.</source>
        <translation>%1 님의 계정 정지를 해제했습니다.</translation>
    </message>
    <message>
        <source>This is your own account: you cannot disable it while signed in with it. Another administrator would have to.</source>
        <translation>지금 로그인한 내 계정은 정지할 수 없습니다. 다른 관리자가 정지해야 합니다.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <source>Revenue per day, last %1 days</source>
        <translation>일별 매출(최근 %1일)</translation>
    </message>
    <message>
        <source>Top 5 products, last 3 days (units)</source>
        <translation>인기 상품 TOP 5(최근 3일, 판매 수량)</translation>
    </message>
    <message>
        <source>Coupon issuance</source>
        <translation>쿠폰 발급 현황</translation>
    </message>
    <message>
        <source>No sales yet in the last %1 days.
Paid orders show here per day.</source>
        <translation>최근 %1일 동안 매출이 없습니다.
결제된 주문이 날짜별로 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No sales yet.
The best sellers of the last 3 days show here.</source>
        <translation>아직 판매가 없습니다.
최근 3일 동안 많이 팔린 상품이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No coupon campaigns yet.
Create one under Coupon campaigns.</source>
        <translation>아직 발행한 쿠폰이 없습니다.
‘쿠폰 발행’에서 만들어 보세요.</translation>
    </message>
    <message>
        <source>Outbox → Kafka</source>
        <translation>아웃박스 → Kafka</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Data platform</source>
        <translation>데이터 플랫폼</translation>
    </message>
    <message>
        <source>Revenue (thousands of won)</source>
        <translation>매출(천 원)</translation>
    </message>
    <message>
        <source>thousands of won</source>
        <translation>천 원</translation>
    </message>
    <message>
        <source>Last %1 days: &lt;b&gt;%2&lt;/b&gt; revenue from &lt;b&gt;%3&lt;/b&gt; orders, %4 units sold.</source>
        <translation>최근 %1일: 주문 &lt;b&gt;%3&lt;/b&gt;건, 매출 &lt;b&gt;%2&lt;/b&gt;, 판매 수량 %4개.</translation>
    </message>
    <message>
        <source>Last %1 days: no paid orders yet.</source>
        <translation>최근 %1일: 아직 결제된 주문이 없습니다.</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>판매 수량</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>발급</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>남음</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>lagging</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>%1 events received &amp;nbsp; lag %2&lt;br&gt;last event: %3</source>
        <translation>수신 이벤트 %1 &amp;nbsp; 지연 %2&lt;br&gt;마지막 이벤트: %3</translation>
    </message>
    <message>
        <source>Measuring request rate…</source>
        <translation>요청 수 측정 중…</translation>
    </message>
    <message>
        <source>%1 published &amp;nbsp; %2 pending &amp;nbsp; %3 failed&lt;br&gt;%4</source>
        <translation>발행 %1 &amp;nbsp; 대기 %2 &amp;nbsp; 실패 %3&lt;br&gt;%4</translation>
    </message>
    <message numerus="yes">
        <source>oldest pending: %n day(s)</source>
        <translation>
            <numerusform>가장 오래된 대기: %n일</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>oldest pending: %n hour(s)</source>
        <translation>
            <numerusform>가장 오래된 대기: %n시간</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>oldest pending: %n minute(s)</source>
        <translation>
            <numerusform>가장 오래된 대기: %n분</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>oldest pending: %n s</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>가장 오래된 대기: %n초</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoShopOffer</name>
    <message>
        <source>The shop is empty. Load the demo shop to try things out: a Korean shop with 48 categories, 240 products with pictures, shoppers with addresses, 4 coupon campaigns, and two weeks of orders, delivered or waiting to ship.</source>
        <translation>상점이 비어 있습니다. 데모 상점을 불러와 둘러보세요: 카테고리 48개, 사진이 있는 상품 240개, 배송지를 등록한 고객, 쿠폰 4종, 배송 완료되었거나 배송을 기다리는 2주 동안의 주문.</translation>
    </message>
    <message>
        <source>&amp;Load the demo shop</source>
        <translation>데모 상점 불러오기(&amp;L)</translation>
    </message>
    <message>
        <source>Loading the demo shop</source>
        <translation>데모 상점 불러오는 중</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <source>products and pictures</source>
        <translation>상품과 사진</translation>
    </message>
    <message>
        <source>two weeks of orders</source>
        <translation>2주 동안의 주문</translation>
    </message>
    <message>
        <source>The demo shop is ready.</source>
        <translation>데모 상점이 준비되었습니다.</translation>
    </message>
    <message>
        <source>The demo shop is ready: %1 categories, %2 products, %3 pictures, %4 coupons, %5 orders over %6 days.</source>
        <translation>데모 상점이 준비되었습니다: 카테고리 %1개, 상품 %2개, 사진 %3장, 쿠폰 %4종, %6일 동안의 주문 %5건.</translation>
    </message>
    <message>
        <source>Starting the demo shop…</source>
        <translation>데모 상점 시작 중…</translation>
    </message>
    <message>
        <source>The demo shop was not loaded: %1</source>
        <translation>데모 상점을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The demo shop&apos;s progress cannot be read: %1</source>
        <translation>데모 상점 진행 상황을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Loading the demo shop…</source>
        <translation>데모 상점 불러오는 중…</translation>
    </message>
    <message>
        <source>Loading the demo shop: %1</source>
        <translation>데모 상점 불러오는 중: %1</translation>
    </message>
    <message>
        <source>Loading the demo shop failed: %1</source>
        <translation>데모 상점을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>deliveries and returns</source>
        <translation>배송과 반품</translation>
    </message>
    <message>
        <source>best sellers</source>
        <translation>판매 순위</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Please check the form</source>
        <translation>입력한 내용을 확인해 주세요</translation>
    </message>
    <message>
        <source>That amount is not allowed</source>
        <translation>입력할 수 없는 금액입니다</translation>
    </message>
    <message>
        <source>Your session has ended; please sign in again</source>
        <translation>로그인이 만료되었습니다. 다시 로그인해 주세요</translation>
    </message>
    <message>
        <source>Wrong username or password</source>
        <translation>아이디 또는 비밀번호가 틀렸습니다</translation>
    </message>
    <message>
        <source>You are not allowed to do that</source>
        <translation>이 작업을 할 권한이 없습니다</translation>
    </message>
    <message>
        <source>This account is disabled; please contact the shop</source>
        <translation>정지된 계정입니다. 상점에 문의해 주세요</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>찾을 수 없습니다</translation>
    </message>
    <message>
        <source>The server does not offer that</source>
        <translation>서버가 지원하지 않는 요청입니다</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>재고가 부족합니다</translation>
    </message>
    <message>
        <source>Not enough money in the wallet</source>
        <translation>지갑 잔액이 부족합니다</translation>
    </message>
    <message>
        <source>All of these coupons are gone</source>
        <translation>쿠폰이 모두 소진되었습니다</translation>
    </message>
    <message>
        <source>You already have this coupon</source>
        <translation>이미 받은 쿠폰입니다</translation>
    </message>
    <message>
        <source>This coupon cannot be used now</source>
        <translation>지금은 쓸 수 없는 쿠폰입니다</translation>
    </message>
    <message>
        <source>This order can no longer be cancelled</source>
        <translation>이미 취소할 수 없는 주문입니다</translation>
    </message>
    <message>
        <source>That username is taken</source>
        <translation>이미 사용 중인 아이디입니다</translation>
    </message>
    <message>
        <source>That request was already sent with other content</source>
        <translation>같은 요청이 다른 내용으로 이미 전송되었습니다</translation>
    </message>
    <message>
        <source>Too much data in one request</source>
        <translation>한 번에 보내는 데이터가 너무 큽니다</translation>
    </message>
    <message>
        <source>Too many requests; try again in a moment</source>
        <translation>요청이 너무 많습니다. 잠시 후 다시 시도해 주세요</translation>
    </message>
    <message>
        <source>That file is not a picture the shop can use</source>
        <translation>상점에서 쓸 수 없는 사진 파일입니다</translation>
    </message>
    <message>
        <source>Another product has that SKU</source>
        <translation>다른 상품이 이미 쓰는 SKU입니다</translation>
    </message>
    <message>
        <source>That name is taken here</source>
        <translation>이 위치에 같은 이름이 이미 있습니다</translation>
    </message>
    <message>
        <source>The category still holds products or categories</source>
        <translation>카테고리에 아직 상품이나 하위 카테고리가 있습니다</translation>
    </message>
    <message>
        <source>That is more than is left to refund on this order</source>
        <translation>이 주문에서 환불할 수 있는 금액보다 많습니다</translation>
    </message>
    <message>
        <source>The order is not at a step where that can be done</source>
        <translation>지금 주문 단계에서는 할 수 없는 작업입니다</translation>
    </message>
    <message>
        <source>These items cannot be returned</source>
        <translation>반품할 수 없는 상품입니다</translation>
    </message>
    <message>
        <source>A backup is already running</source>
        <translation>이미 백업 중입니다</translation>
    </message>
    <message>
        <source>The shop already has products; the demo shop loads only into an empty one</source>
        <translation>상점에 이미 상품이 있습니다. 데모 상점은 빈 상점에만 불러올 수 있습니다</translation>
    </message>
    <message>
        <source>The demo shop is already being loaded</source>
        <translation>데모 상점을 이미 불러오는 중입니다</translation>
    </message>
    <message>
        <source>The server is unavailable</source>
        <translation>서버를 이용할 수 없습니다</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>문제가 발생했습니다</translation>
    </message>
    <message>
        <source>The shop did not accept this value.</source>
        <translation>상점에서 받아들이지 않은 값입니다.</translation>
    </message>
    <message>
        <source>%1. The server said: “%2”.</source>
        <translation>%1. 서버 메시지: “%2”.</translation>
    </message>
</context>
<context>
    <name>FulfilmentPage</name>
    <message>
        <source>Fulfilment</source>
        <translation>배송 관리</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>결제 일시</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>배송지</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 금액</translation>
    </message>
    <message>
        <source>No orders in this state.</source>
        <translation>이 상태의 주문이 없습니다.</translation>
    </message>
    <message>
        <source>To pack</source>
        <translation>포장 대기</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>포장 완료</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>배송 중</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>배송 완료</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Oldest waiting to ship: paid %1</source>
        <translation>가장 오래 기다린 주문: %1 결제</translation>
    </message>
    <message>
        <source>Nothing waits to ship.</source>
        <translation>배송을 기다리는 주문이 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Ship…</source>
        <translation>발송(&amp;S)…</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>배송 완료(&amp;D)</translation>
    </message>
    <message>
        <source>Pick up in person</source>
        <translation>직접 수령</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Marked packed: %1.</source>
        <translation>포장 완료 처리: %1.</translation>
    </message>
    <message>
        <source>Marked delivered: %1.</source>
        <translation>배송 완료 처리: %1.</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>처리하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message>
        <source>Order #%1 shipped with %2, tracking number %3.</source>
        <translation>주문 #%1 발송 완료: %2, 송장 번호 %3.</translation>
    </message>
    <message>
        <source>Mark pac&amp;ked</source>
        <translation>포장 완료(&amp;K)</translation>
    </message>
</context>
<context>
    <name>FulfilmentText</name>
    <message>
        <source>Waiting to be packed</source>
        <translation>배송 준비중</translation>
    </message>
    <message>
        <source>Packed, ready to be picked up</source>
        <translation>포장 완료, 수령 대기</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>포장 완료</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>배송 중</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>수령 완료</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>배송 완료</translation>
    </message>
    <message>
        <source>Not sent (cancelled)</source>
        <translation>미발송(취소)</translation>
    </message>
    <message>
        <source>CJ Logistics</source>
        <translation>CJ대한통운</translation>
    </message>
    <message>
        <source>Korea Post</source>
        <translation>우체국택배</translation>
    </message>
    <message>
        <source>Hanjin</source>
        <translation>한진택배</translation>
    </message>
    <message>
        <source>Lotte Global Logistics</source>
        <translation>롯데택배</translation>
    </message>
    <message>
        <source>Logen</source>
        <translation>로젠택배</translation>
    </message>
    <message>
        <source>Another carrier</source>
        <translation>기타 택배사</translation>
    </message>
</context>
<context>
    <name>FulfilmentView</name>
    <message>
        <source>&lt;b&gt;Picked up in person&lt;/b&gt;</source>
        <translation>&lt;b&gt;직접 수령&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ship to&lt;/b&gt;</source>
        <translation>&lt;b&gt;배송지&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>포장 완료</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>배송 중</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>수령 완료</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>배송 완료</translation>
    </message>
    <message>
        <source>✓ %1 %2</source>
        <translation>✓ %1 %2</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#888&quot;&gt;○ %1&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#888&quot;&gt;○ %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1, tracking number %2</source>
        <translation>%1, 송장 번호 %2</translation>
    </message>
</context>
<context>
    <name>LocalStack</name>
    <message>
        <source>Starting MariaDB…</source>
        <translation>MariaDB 시작 중…</translation>
    </message>
    <message>
        <source>Starting Redis…</source>
        <translation>Redis 시작 중…</translation>
    </message>
    <message>
        <source>Starting the Kafka broker…</source>
        <translation>Kafka 브로커 시작 중…</translation>
    </message>
    <message>
        <source>Services are up</source>
        <translation>서비스가 모두 실행되었습니다</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to Storefront</source>
        <translation>Storefront 로그인</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>서버: %1</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>아이디(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>비밀번호(&amp;P)</translation>
    </message>
    <message>
        <source>8 characters or more</source>
        <translation>8자 이상</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>로그인(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>회원가입(&amp;C)</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>언어: %1</translation>
    </message>
    <message>
        <source>Settings: language</source>
        <translation>설정: 언어</translation>
    </message>
    <message>
        <source>Settings: the language of the window</source>
        <translation>설정: 화면 언어</translation>
    </message>
    <message>
        <source>Enter a username and a password.</source>
        <translation>아이디와 비밀번호를 입력해 주세요.</translation>
    </message>
    <message>
        <source>The password needs %1 characters or more.</source>
        <translation>비밀번호는 %1자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>로그인 중…</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>회원가입 중…</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>비밀번호 확인(&amp;R)</translation>
    </message>
    <message>
        <source>The same password again</source>
        <translation>같은 비밀번호를 한 번 더</translation>
    </message>
    <message>
        <source>Type the password again to create the account.</source>
        <translation>계정을 만들려면 비밀번호를 한 번 더 입력하세요.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the password again.</source>
        <translation>두 비밀번호가 다릅니다. 비밀번호를 다시 입력하세요.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About Storefront</source>
        <translation>Storefront 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;Storefront %1&lt;/b&gt;&lt;br&gt;Desktop shop and its embedded server.&lt;br&gt;Qt %2</source>
        <translation>&lt;b&gt;Storefront %1&lt;/b&gt;&lt;br&gt;데스크톱 상점과 내장 서버&lt;br&gt;Qt %2</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>로그인이 만료되었습니다. 다시 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>&amp;About Storefront</source>
        <translation>Storefront 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>Settings: the language of the window (Ctrl+,)</source>
        <translation>설정: 화면 언어(Ctrl+,)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Settings: language</source>
        <translation>설정: 언어</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>서버 %1</translation>
    </message>
    <message>
        <source>Set up your shop</source>
        <translation>상점 시작하기</translation>
    </message>
    <message>
        <source>Storefront</source>
        <translation>Storefront</translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted: passwords, tokens and payments cross the network readable by anyone on the way. Ask the shop for its https:// address.</source>
        <translation>%1 연결은 암호화되지 않았습니다. 비밀번호, 토큰, 결제 정보가 네트워크에서 그대로 보일 수 있습니다. 상점에 https:// 주소를 요청하세요.</translation>
    </message>
    <message>
        <source> Until then the shop cannot save or load; nothing is lost.</source>
        <translation> 그동안에는 저장하거나 불러올 수 없지만, 잃는 것은 없습니다.</translation>
    </message>
    <message>
        <source>The server at %1 does not answer. Retrying every 2 seconds; your cart is kept.</source>
        <translation>%1 서버가 응답하지 않습니다. 2초마다 다시 연결합니다. 장바구니는 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>%1 to %2 %</source>
        <translation>%1~%2%</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1~%2</translation>
    </message>
    <message>
        <source>Enter an amount from %1 to %2.</source>
        <translation>%1~%2 사이의 금액을 입력해 주세요.</translation>
    </message>
    <message>
        <source>Enter a percent from %1 to %2.</source>
        <translation>%1~%2% 사이의 비율을 입력해 주세요.</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation>%1~%2 사이의 숫자를 입력해 주세요.</translation>
    </message>
    <message>
        <source>Nothing can be entered here now.</source>
        <translation>지금은 입력할 수 없습니다.</translation>
    </message>
    <message>
        <source>It cannot be negative. %1</source>
        <translation>음수는 입력할 수 없습니다. %1</translation>
    </message>
    <message>
        <source>“%1” is not a whole number. %2</source>
        <translation>“%1”은(는) 정수가 아닙니다. %2</translation>
    </message>
    <message>
        <source>That number is far too large. %1</source>
        <translation>숫자가 너무 큽니다. %1</translation>
    </message>
    <message>
        <source>%1 is more than %2, the most allowed.</source>
        <translation>%1은(는) 최대 %2보다 큽니다.</translation>
    </message>
    <message>
        <source>%1 is less than %2, the least allowed.</source>
        <translation>%1은(는) 최소 %2보다 작습니다.</translation>
    </message>
</context>
<context>
    <name>OrderDetails</name>
    <message>
        <source>%1 × %2</source>
        <comment>units × product</comment>
        <translation>%2 × %1</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불 수량</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>소계</translation>
    </message>
    <message>
        <source>Refunded at</source>
        <translation>환불 일시</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>재고</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>&lt;b&gt;Refunds&lt;/b&gt;</source>
        <translation>&lt;b&gt;환불 내역&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No refunds.</source>
        <translation>환불 내역이 없습니다.</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>주문 상품</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>환불 내역</translation>
    </message>
    <message>
        <source>Back in stock</source>
        <translation>재고로 돌림</translation>
    </message>
    <message>
        <source>Not restocked</source>
        <translation>재고로 안 돌림</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>주문 상세</translation>
    </message>
    <message>
        <source>Select an order to see its lines.</source>
        <translation>주문을 선택하면 상세 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Order #%1</source>
        <translation>주문 #%1</translation>
    </message>
    <message>
        <source>Status: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Total %2&lt;br&gt;Coupon discount %3&lt;br&gt;&lt;b&gt;Paid %4&lt;/b&gt;</source>
        <translation>상태: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;상품 금액 %2&lt;br&gt;쿠폰 할인 %3&lt;br&gt;&lt;b&gt;결제 금액 %4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Refunded &lt;b&gt;%1&lt;/b&gt; to the wallet; %2 kept.</source>
        <translation>&lt;br&gt;지갑으로 &lt;b&gt;%1&lt;/b&gt; 환불, 남은 결제 금액 %2.</translation>
    </message>
</context>
<context>
    <name>OrderReturnsView</name>
    <message>
        <source>&amp;Return items…</source>
        <translation>반품 신청(&amp;R)…</translation>
    </message>
    <message>
        <source>Return #%1: accepted, %2 refunded</source>
        <translation>반품 #%1: 승인됨, %2 환불</translation>
    </message>
    <message>
        <source>Return #%1: rejected</source>
        <translation>반품 #%1: 거절됨</translation>
    </message>
    <message>
        <source>Return #%1: waiting for the shop</source>
        <translation>반품 #%1: 상점 확인 대기 중</translation>
    </message>
    <message>
        <source>Returns are possible until %1.</source>
        <translation>%1까지 반품할 수 있습니다.</translation>
    </message>
    <message>
        <source>The time for returns has passed.</source>
        <translation>반품 기간이 지났습니다.</translation>
    </message>
    <message>
        <source>Return #%1 asked: the shop will decide, and this order shows what it decided.</source>
        <translation>반품 #%1 신청이 접수되었습니다. 상점이 결정하면 이 주문에 결과가 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>OrderStatusText</name>
    <message>
        <source>Paid</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <translation>부분 환불</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불 완료</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소 완료</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>%1 × %2</source>
        <comment>units × product</comment>
        <translation>%2 × %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>the first line, then how many other lines</comment>
        <translation>
            <numerusform>%1 외 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문 내역</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>결제 일시</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>주문 상품</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 금액</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불 금액</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Nothing here yet. Orders you pay for are listed here.</source>
        <translation>아직 주문이 없습니다. 결제한 주문이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>My orders</source>
        <translation>내 주문</translation>
    </message>
    <message>
        <source>&amp;Cancel order</source>
        <translation>주문 취소(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel order #%1?</source>
        <translation>주문 #%1 취소할까요?</translation>
    </message>
    <message>
        <source>Order #%1 will be cancelled now: %2 goes back to your wallet and the items back to the shop. This cannot be undone.</source>
        <translation>주문 #%1 취소를 지금 진행합니다. %2은 지갑으로 돌아가고 상품은 상점으로 돌아갑니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>주문 취소</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>주문 유지</translation>
    </message>
    <message>
        <source>Order #%1 cancelled: %2 went back to the wallet and the stock to the shop.</source>
        <translation>주문 #%1 취소 완료: %2이 지갑으로 돌아갔습니다.</translation>
    </message>
</context>
<context>
    <name>OwnerSetupView</name>
    <message>
        <source>Set up your shop</source>
        <translation>상점 시작하기</translation>
    </message>
    <message>
        <source>This shop has no owner yet. Choose the owner&apos;s name and password; you will use them to run the shop.</source>
        <translation>아직 상점 운영자가 없습니다. 운영자 아이디와 비밀번호를 정하세요. 상점을 운영할 때 이 계정으로 로그인합니다.</translation>
    </message>
    <message>
        <source>Owner&apos;s &amp;name</source>
        <translation>운영자 아이디(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>비밀번호(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>비밀번호 확인(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Create the shop&apos;s owner</source>
        <translation>운영자 계정 만들기(&amp;C)</translation>
    </message>
    <message>
        <source>%1 to %2 characters.</source>
        <translation>%1~%2자.</translation>
    </message>
    <message>
        <source>At least %1 characters (this has %2).</source>
        <translation>%1자 이상이어야 합니다(지금 %2자).</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>두 비밀번호가 다릅니다.</translation>
    </message>
    <message>
        <source>Creating the shop&apos;s owner…</source>
        <translation>운영자 계정 만드는 중…</translation>
    </message>
    <message>
        <source>The owner %1 is created. Signing in…</source>
        <translation>운영자 %1 계정을 만들었습니다. 로그인 중…</translation>
    </message>
    <message>
        <source>The owner %1 is created, but signing in failed: %2</source>
        <translation>운영자 %1 계정은 만들었지만 로그인하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>This shop already has an owner. Sign in with the owner&apos;s name and password.</source>
        <translation>이미 운영자가 있는 상점입니다. 운영자 아이디와 비밀번호로 로그인하세요.</translation>
    </message>
    <message>
        <source>The name %1 is taken; choose another.</source>
        <translation>%1은(는) 이미 사용 중인 아이디입니다. 다른 아이디를 정하세요.</translation>
    </message>
    <message>
        <source>The owner was not created. %1</source>
        <translation>운영자 계정을 만들지 못했습니다. %1</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>‹ &amp;Previous</source>
        <translation>‹ 이전(&amp;P)</translation>
    </message>
    <message>
        <source>Ne&amp;xt ›</source>
        <translation>다음(&amp;X) ›</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>이전 페이지</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>다음 페이지</translation>
    </message>
    <message>
        <source>Page %1 of %2 (%3)</source>
        <translation>%1/%2쪽(%3건)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>비밀번호 변경</translation>
    </message>
    <message>
        <source>C&amp;urrent password</source>
        <translation>현재 비밀번호(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>새 비밀번호(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Repeat new password</source>
        <translation>새 비밀번호 확인(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>비밀번호 변경(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>%1 to %2 characters.</source>
        <translation>%1~%2자.</translation>
    </message>
    <message>
        <source>Type the password you sign in with now.</source>
        <translation>지금 로그인할 때 쓰는 비밀번호를 입력해 주세요.</translation>
    </message>
    <message>
        <source>At least %1 characters (this has %2).</source>
        <translation>%1자 이상이어야 합니다(지금 %2자).</translation>
    </message>
    <message>
        <source>That is the current password: choose another.</source>
        <translation>현재 비밀번호와 같습니다. 다른 비밀번호를 정하세요.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>두 새 비밀번호가 다릅니다.</translation>
    </message>
    <message>
        <source>This is not your current password; nothing was changed.</source>
        <translation>현재 비밀번호가 아닙니다. 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <source>The password was not changed. %1</source>
        <translation>비밀번호를 바꾸지 못했습니다. %1</translation>
    </message>
</context>
<context>
    <name>PictureEditor</name>
    <message>
        <source>Remove the chosen picture</source>
        <translation>선택한 사진 삭제</translation>
    </message>
    <message>
        <source>Pictures of the product</source>
        <translation>상품 사진</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>업로드</translation>
    </message>
    <message>
        <source>Create the product first, then add its pictures here (or drop them on this box).</source>
        <translation>먼저 상품을 등록한 뒤 여기에 사진을 추가하세요(이 칸에 끌어다 놓아도 됩니다).</translation>
    </message>
    <message>
        <source>No pictures yet: add some, or drop files here. The first is the main one.</source>
        <translation>아직 사진이 없습니다. 추가하거나 파일을 여기에 끌어다 놓으세요. 첫 사진이 대표 사진입니다.</translation>
    </message>
    <message>
        <source>The first picture is the main one.</source>
        <translation>첫 사진이 대표 사진입니다.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>대표</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 픽셀</translation>
    </message>
    <message>
        <source>Add pictures</source>
        <translation>사진 추가</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp)</source>
        <translation>사진 (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Picture added.</source>
        <translation>사진을 추가했습니다.</translation>
    </message>
    <message>
        <source>%1 pictures added.</source>
        <translation>사진 %1장을 추가했습니다.</translation>
    </message>
    <message>
        <source>%1 was not added: only PNG, JPEG and WebP pictures can be used.</source>
        <translation>%1 추가 실패: PNG, JPEG, WebP 사진만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 was not added: it is %2 MB, and a picture may be at most 8 MB.</source>
        <translation>%1 추가 실패: %2MB입니다. 사진은 8MB까지 올릴 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 was not added: it cannot be read (%2).</source>
        <translation>%1 추가 실패: 파일을 읽을 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>Uploading %1 (%2 KB)…</source>
        <translation>%1 올리는 중(%2KB)…</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>%1 추가 실패: %2</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>삭제하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Picture removed.</source>
        <translation>사진을 삭제했습니다.</translation>
    </message>
    <message>
        <source>&amp;Add pictures…</source>
        <translation>사진 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>삭제(&amp;M)</translation>
    </message>
</context>
<context>
    <name>ProductCardDelegate</name>
    <message>
        <source>Loading picture…</source>
        <translation>사진 불러오는 중…</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>사진 없음</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <source>%1 in stock</source>
        <translation>재고 %1개</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>Products</source>
        <translation>상품 관리</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>재고</translation>
    </message>
    <message>
        <source>Nothing here yet. Create the first product with the form.</source>
        <translation>아직 상품이 없습니다. 오른쪽 양식으로 첫 상품을 등록해 보세요.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>상품명(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Stock</source>
        <translation>재고(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;KU</source>
        <translation>SKU(&amp;K)</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>카테고리(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>설명(&amp;D)</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>사진</translation>
    </message>
    <message>
        <source>What the shopper sees</source>
        <translation>고객에게 보이는 상품명</translation>
    </message>
    <message>
        <source>e.g. 12,300</source>
        <translation>예: 12,300</translation>
    </message>
    <message>
        <source>units on hand</source>
        <translation>보유 수량</translation>
    </message>
    <message>
        <source>optional, e.g. KT-0042</source>
        <translation>선택 사항, 예: KT-0042</translation>
    </message>
    <message>
        <source>What the shopper reads on the product&apos;s page</source>
        <translation>상품 상세 화면에 보이는 설명</translation>
    </message>
    <message>
        <source>Stock &amp;history…</source>
        <translation>재고 내역(&amp;H)…</translation>
    </message>
    <message>
        <source>Product #%1</source>
        <translation>상품 #%1</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>새 상품</translation>
    </message>
    <message>
        <source>&amp;Create product</source>
        <translation>상품 등록(&amp;C)</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>카테고리 없음</translation>
    </message>
    <message>
        <source>Give the product a name.</source>
        <translation>상품 이름을 입력해 주세요.</translation>
    </message>
    <message>
        <source>The description is %1 characters long; at most %2 fit.</source>
        <translation>설명이 %1자입니다. %2자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Change the price</source>
        <translation>가격 바꾸기</translation>
    </message>
    <message>
        <source>Not saved: %1 The form keeps what you typed; save again when it is fixed.</source>
        <translation>저장하지 못했습니다: %1 입력한 내용은 그대로 있으니 고친 뒤 다시 저장하세요.</translation>
    </message>
    <message>
        <source>Created product #%1: %2 at %3, %4 in stock.</source>
        <translation>상품 #%1 등록 완료: %2, %3, 재고 %4개.</translation>
    </message>
    <message>
        <source>Saved product #%1: %2 at %3, %4 in stock.</source>
        <translation>상품 #%1 저장 완료: %2, %3, 재고 %4개.</translation>
    </message>
    <message>
        <source>Sell it for %1?</source>
        <translation>%1에 판매할까요?</translation>
    </message>
    <message>
        <source>“%1” would cost nothing: shoppers could order it for free. Save it at %2?</source>
        <translation>“%1” 상품이 무료가 되어 누구나 공짜로 주문할 수 있습니다. %2(으)로 저장할까요?</translation>
    </message>
    <message>
        <source>Save at %1</source>
        <translation>%1(으)로 저장</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation>변경 저장(&amp;V)</translation>
    </message>
    <message>
        <source>N&amp;ew product</source>
        <translation>새 상품(&amp;E)</translation>
    </message>
    <message>
        <source>P&amp;rice</source>
        <translation>가격(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ProductListModel</name>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>재고</translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <source>‹ &amp;Back to the shop</source>
        <translation>‹ 쇼핑으로 돌아가기(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the shop (Esc)</source>
        <translation>쇼핑으로 돌아가기(Esc)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>수량(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Add to cart</source>
        <translation>장바구니 담기(&amp;A)</translation>
    </message>
    <message>
        <source>Picture of the product</source>
        <translation>상품 사진</translation>
    </message>
    <message>
        <source>Pictures of the product</source>
        <translation>상품 사진</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <source>%1 in stock</source>
        <translation>재고 %1개</translation>
    </message>
    <message>
        <source>SKU %1</source>
        <translation>SKU %1</translation>
    </message>
    <message>
        <source>No description yet.</source>
        <translation>아직 설명이 없습니다.</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>사진 없음</translation>
    </message>
    <message>
        <source>Loading picture…</source>
        <translation>사진 불러오는 중…</translation>
    </message>
    <message>
        <source>Added %1 × %2 (%3 each) to the cart.</source>
        <translation>장바구니에 담았습니다: %2 %1개(개당 %3).</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund from order #%1</source>
        <translation>주문 #%1 환불</translation>
    </message>
    <message>
        <source>Order #%1 of customer #%2: paid %3 for %4, refunded so far %5.</source>
        <translation>고객 #%2의 주문 #%1: 상품 금액 %4 중 %3 결제, 지금까지 환불 %5.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Product&lt;/b&gt;</source>
        <translation>&lt;b&gt;상품&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bought&lt;/b&gt;</source>
        <translation>&lt;b&gt;구매 수량&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Refund units&lt;/b&gt;</source>
        <translation>&lt;b&gt;환불 수량&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gives back&lt;/b&gt;</source>
        <translation>&lt;b&gt;환불 금액&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 (%2 refunded)</source>
        <translation>%1(%2개 환불됨)</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>Units of %1 to refund</source>
        <translation>%1 환불 수량</translation>
    </message>
    <message>
        <source>Put the units back in &amp;stock</source>
        <translation>환불한 상품을 재고로 돌리기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>사유(&amp;R)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Choose the units to refund.</source>
        <translation>환불할 수량을 고르세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 goes back to the customer&apos;s wallet.&lt;/b&gt; Every unit is then refunded: the order becomes Refunded.</source>
        <translation>&lt;b&gt;고객 지갑으로 %1 환불.&lt;/b&gt; 모든 상품이 환불되어 주문이 ‘환불 완료’가 됩니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 goes back to the customer&apos;s wallet.&lt;/b&gt; The order becomes Partially refunded.</source>
        <translation>&lt;b&gt;고객 지갑으로 %1 환불.&lt;/b&gt; 주문이 ‘부분 환불’이 됩니다.</translation>
    </message>
    <message>
        <source>Required, up to %1 characters.</source>
        <translation>필수, %1자까지.</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>환불…</translation>
    </message>
    <message>
        <source>Refund %1…</source>
        <translation>%1 환불…</translation>
    </message>
    <message>
        <source>Refund %1?</source>
        <translation>%1 환불할까요?</translation>
    </message>
    <message>
        <source>%1 of order #%2 will be refunded now: %3 goes back to customer #%4&apos;s wallet%5. This cannot be undone.</source>
        <translation>주문 #%2의 %1 환불을 지금 진행합니다. 고객 #%4의 지갑으로 %3이 돌아갑니다%5. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1개</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1개</translation>
    </message>
    <message>
        <source> and the units back to stock</source>
        <translation>(상품은 재고로 돌아감)</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>환불하기</translation>
    </message>
    <message>
        <source>Do not refund</source>
        <translation>환불 안 함</translation>
    </message>
    <message>
        <source>Nothing was refunded. %1</source>
        <translation>환불되지 않았습니다. %1</translation>
    </message>
    <message>
        <source>Why, in a few words (the customer sees it in the order&apos;s details)</source>
        <translation>사유를 짧게 입력하세요(고객은 주문 상세에서 봅니다)</translation>
    </message>
</context>
<context>
    <name>ReportDownload</name>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>%1에 쓸 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2.</source>
        <translation>%1에 쓰지 못했습니다: %2.</translation>
    </message>
    <message>
        <source>The download was stopped; %1 was left as it was.</source>
        <translation>내려받기를 멈췄습니다. %1은(는) 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>The download broke off (%1).</source>
        <translation>내려받기가 끊겼습니다(%1).</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>서버가 HTTP %1로 응답했습니다.</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2.</source>
        <translation>%1 저장에 실패했습니다: %2.</translation>
    </message>
</context>
<context>
    <name>ReportExportDialog</name>
    <message>
        <source>Sales by day</source>
        <translation>일별 매출</translation>
    </message>
    <message>
        <source>Sales by product</source>
        <translation>상품별 매출</translation>
    </message>
    <message>
        <source>Sales by category</source>
        <translation>카테고리별 매출</translation>
    </message>
    <message>
        <source>Orders, one row per line</source>
        <translation>주문(상품별 한 줄)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV 내보내기</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>보고서(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>시작일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To (inclusive)</source>
        <translation>종료일(&amp;T, 포함)</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>다른 이름으로 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>The first day comes after the last.</source>
        <translation>시작일이 종료일보다 뒤입니다.</translation>
    </message>
    <message>
        <source>At most %1 days at a time (this is %2).</source>
        <translation>한 번에 %1일까지 받을 수 있습니다(지금 %2일).</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>보고서 저장</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Downloading into %1…</source>
        <translation>%1(으)로 내려받는 중…</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1KB</translation>
    </message>
    <message>
        <source>Written to %1 (%2 bytes).</source>
        <translation>%1에 저장했습니다(%2바이트).</translation>
    </message>
    <message>
        <source>The report is saved.</source>
        <translation>보고서를 저장했습니다.</translation>
    </message>
    <message>
        <source>Nothing was written to %1.</source>
        <translation>%1에는 아무것도 쓰지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return items of order #%1</source>
        <translation>주문 #%1 반품 신청</translation>
    </message>
    <message>
        <source>Choose the units to send back (returns close %1). The shop decides; accepted units are refunded to your wallet.</source>
        <translation>돌려보낼 수량을 고르세요(반품 마감 %1). 상점이 결정하며, 승인된 수량은 지갑으로 환불됩니다.</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>Units of %1 to return</source>
        <translation>반품할 %1 수량</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>사유(&amp;R)</translation>
    </message>
    <message>
        <source>What is wrong, in a few words</source>
        <translation>무엇이 문제인지 간단히 적어 주세요</translation>
    </message>
    <message>
        <source>&amp;Ask for a return</source>
        <translation>반품 신청(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Say why, in a few words.</source>
        <translation>사유를 간단히 적어 주세요.</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Asked</source>
        <translation>반품 요청</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>반품 승인</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>반품 거절</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>반품 관리</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>보기(&amp;S)</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>반품</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>요청 일시</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>No returns here.</source>
        <translation>반품이 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>메모(&amp;N)</translation>
    </message>
    <message>
        <source>For the customer (optional)</source>
        <translation>고객에게 보일 메모(선택)</translation>
    </message>
    <message>
        <source>&amp;Accept and refund…</source>
        <translation>승인하고 환불(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>거절(&amp;R)…</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Return #%1 of order #%2</source>
        <translation>주문 #%2의 반품 #%1</translation>
    </message>
    <message>
        <source>Select a return to decide on it.</source>
        <translation>처리할 반품을 선택하세요.</translation>
    </message>
    <message>
        <source>Reading order #%1…</source>
        <translation>주문 #%1 읽는 중…</translation>
    </message>
    <message>
        <source>product #%1</source>
        <translation>상품 #%1</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%2 × %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Asked back:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Why:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;반품 상품:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;사유:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;Refunded %1.</source>
        <translation>&lt;br&gt;환불 %1.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Note:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;메모:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Accepting refunds &lt;b&gt;%1&lt;/b&gt; to the customer&apos;s wallet (their share of the %2 paid).</source>
        <translation>&lt;br&gt;승인하면 고객 지갑으로 &lt;b&gt;%1&lt;/b&gt; 환불됩니다(결제 금액 %2 중 해당 몫).</translation>
    </message>
    <message>
        <source>&lt;br&gt;These units were refunded meanwhile: this return can only be rejected.</source>
        <translation>&lt;br&gt;그사이 이 상품이 환불되어 이 반품은 거절만 할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 goes back to the customer&apos;s wallet now, and the return is closed.</source>
        <translation>고객 지갑으로 지금 %1 환불하고 반품을 마칩니다.</translation>
    </message>
    <message>
        <source>Nothing is refunded, and the return is closed: it cannot be decided again.</source>
        <translation>환불하지 않고 반품을 마칩니다. 다시 결정할 수 없습니다.</translation>
    </message>
    <message>
        <source>Accept return #%1?</source>
        <translation>반품 #%1 승인할까요?</translation>
    </message>
    <message>
        <source>Reject return #%1?</source>
        <translation>반품 #%1 거절할까요?</translation>
    </message>
    <message>
        <source>&amp;Refund %1</source>
        <translation>%1 환불(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>거절(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>그대로 두기(&amp;K)</translation>
    </message>
    <message>
        <source>Return #%1 accepted: %2 refunded.</source>
        <translation>반품 #%1 승인: %2 환불.</translation>
    </message>
    <message>
        <source>Return #%1 rejected.</source>
        <translation>반품 #%1 거절.</translation>
    </message>
    <message>
        <source>Put the units back in s&amp;tock</source>
        <translation>환불한 상품을 재고로 돌리기(&amp;T)</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>Your password is changed; this session goes on with it.</source>
        <translation>비밀번호를 바꿨습니다. 지금 로그인은 그대로 이어집니다.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <source>Sales, top products, pipeline health</source>
        <translation>매출, 인기 상품, 파이프라인 상태</translation>
    </message>
    <message>
        <source>Every order; refunds, cancels, CSV reports</source>
        <translation>전체 주문, 환불, 취소, CSV 보고서</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>고객 관리</translation>
    </message>
    <message>
        <source>Accounts, balances; disable or enable</source>
        <translation>계정, 잔액, 계정 정지와 해제</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>상품 관리</translation>
    </message>
    <message>
        <source>Add and edit products; stock history</source>
        <translation>상품 등록·수정, 재고 내역</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <source>Add, rename, move and delete categories</source>
        <translation>카테고리 추가, 이름 변경, 이동, 삭제</translation>
    </message>
    <message>
        <source>Coupon campaigns</source>
        <translation>쿠폰 발행</translation>
    </message>
    <message>
        <source>Create first-come coupons</source>
        <translation>선착순 쿠폰 발행</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>변경 기록</translation>
    </message>
    <message>
        <source>Who changed what</source>
        <translation>누가 무엇을 바꿨는지</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>백업</translation>
    </message>
    <message>
        <source>The shop&apos;s backups; back up now</source>
        <translation>상점 백업, 지금 백업하기</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>쇼핑</translation>
    </message>
    <message>
        <source>Browse products</source>
        <translation>상품 둘러보기</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>장바구니</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>결제하기</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <source>Balance and history</source>
        <translation>잔액과 내역</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>쿠폰</translation>
    </message>
    <message>
        <source>Claim and see your coupons</source>
        <translation>쿠폰 받기와 내 쿠폰</translation>
    </message>
    <message>
        <source>Your orders</source>
        <translation>내 주문 내역</translation>
    </message>
    <message>
        <source>Storefront</source>
        <translation>Storefront</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>관리자</translation>
    </message>
    <message>
        <source>Shopper</source>
        <translation>구매 회원</translation>
    </message>
    <message>
        <source>Change pass&amp;word…</source>
        <translation>비밀번호 변경(&amp;W)…</translation>
    </message>
    <message>
        <source>Lan&amp;guage…</source>
        <translation>언어(&amp;G)…</translation>
    </message>
    <message>
        <source>Settings: language</source>
        <translation>설정: 언어</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>잔액 %1</translation>
    </message>
    <message>
        <source>Cart (%1)</source>
        <translation>장바구니(%1)</translation>
    </message>
    <message>
        <source>Sign out and empty the cart?</source>
        <translation>로그아웃하고 장바구니를 비울까요?</translation>
    </message>
    <message numerus="yes">
        <source>Your cart holds %n item(s) (%1). The cart is kept only while you are signed in: signing out empties it. Nothing has been paid or reserved.</source>
        <translation>
            <numerusform>장바구니에 상품 %n개(%1)가 있습니다. 장바구니는 로그인한 동안에만 유지되어 로그아웃하면 비워집니다. 결제되거나 예약된 것은 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign out and empty the cart</source>
        <translation>로그아웃하고 비우기</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>로그인 유지</translation>
    </message>
    <message>
        <source>Orders</source>
        <comment>the admin&apos;s page of every order</comment>
        <translation>주문 관리</translation>
    </message>
    <message>
        <source>Orders</source>
        <comment>the shopper&apos;s own orders</comment>
        <translation>주문 내역</translation>
    </message>
    <message>
        <source>S&amp;ign out</source>
        <translation>로그아웃(&amp;I)</translation>
    </message>
    <message>
        <source>Fulfilment</source>
        <translation>배송 관리</translation>
    </message>
    <message>
        <source>Pack, ship and deliver paid orders</source>
        <translation>결제된 주문 포장, 발송, 배송 완료</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>반품 관리</translation>
    </message>
    <message>
        <source>Accept or reject returns</source>
        <translation>반품 승인과 거절</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>배송지</translation>
    </message>
    <message>
        <source>Where your orders go</source>
        <translation>주문을 받을 곳</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The window changes at once and starts in this language next time. Money and dates follow the language too.</source>
        <translation>화면이 바로 바뀌고 다음에 시작할 때도 이 언어로 열립니다. 금액과 날짜 표기도 언어를 따릅니다.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Ship order #%1</source>
        <translation>주문 #%1 발송</translation>
    </message>
    <message>
        <source>To %1, (%2) %3 %4.</source>
        <translation>받는 곳: %1, (%2) %3 %4.</translation>
    </message>
    <message>
        <source>&amp;Carrier</source>
        <translation>택배사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Tracking number</source>
        <translation>송장 번호(&amp;T)</translation>
    </message>
    <message>
        <source>As printed on the label</source>
        <translation>운송장에 적힌 그대로</translation>
    </message>
    <message>
        <source>&amp;Mark shipped</source>
        <translation>발송 완료(&amp;M)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>%1 to %2 letters or digits.</source>
        <translation>영문·숫자 %1~%2자.</translation>
    </message>
    <message>
        <source>A tracking number is %1 to %2 letters or digits.</source>
        <translation>송장 번호는 영문·숫자 %1~%2자입니다.</translation>
    </message>
    <message>
        <source>Sent as %1</source>
        <translation>%1(으)로 보냄</translation>
    </message>
</context>
<context>
    <name>ShippingClient</name>
    <message>
        <source>Loading addresses</source>
        <translation>배송지 불러오는 중</translation>
    </message>
    <message>
        <source>Saving the address</source>
        <translation>배송지 저장 중</translation>
    </message>
    <message>
        <source>Deleting the address</source>
        <translation>배송지 삭제 중</translation>
    </message>
    <message>
        <source>Paying</source>
        <translation>결제 중</translation>
    </message>
    <message>
        <source>Asking for a return</source>
        <translation>반품 요청 중</translation>
    </message>
    <message>
        <source>Loading returns</source>
        <translation>반품 불러오는 중</translation>
    </message>
    <message>
        <source>Loading the packing queue</source>
        <translation>포장 대기 목록 불러오는 중</translation>
    </message>
    <message>
        <source>Moving the order on</source>
        <translation>주문 처리 중</translation>
    </message>
    <message>
        <source>Accepting the return</source>
        <translation>반품 승인 중</translation>
    </message>
    <message>
        <source>Rejecting the return</source>
        <translation>반품 거절 중</translation>
    </message>
</context>
<context>
    <name>ShippingQueueTile</name>
    <message>
        <source>Open Fulfilment</source>
        <translation>배송 관리 열기</translation>
    </message>
    <message>
        <source>Open the Fulfilment page</source>
        <translation>배송 관리 페이지 열기</translation>
    </message>
    <message>
        <source>Waiting to ship</source>
        <translation>배송 대기</translation>
    </message>
    <message numerus="yes">
        <source>The oldest was paid %n day(s) ago.</source>
        <translation>
            <numerusform>가장 오래된 주문은 %n일 전에 결제되었습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The oldest was paid %n hour(s) ago.</source>
        <translation>
            <numerusform>가장 오래된 주문은 %n시간 전에 결제되었습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The oldest was paid %n minute(s) ago.</source>
        <translation>
            <numerusform>가장 오래된 주문은 %n분 전에 결제되었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest was paid just now.</source>
        <translation>가장 오래된 주문은 방금 결제되었습니다.</translation>
    </message>
    <message>
        <source>Nothing waiting to ship.</source>
        <translation>배송을 기다리는 주문이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) waiting to ship</source>
        <translation>
            <numerusform>배송 대기 주문 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to pack, %2 packed</source>
        <comment>orders: not yet packed, packed and not yet shipped or handed over</comment>
        <translation>포장 전 %1건 · 포장 완료 %2건</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>읽을 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>ShopClient</name>
    <message>
        <source>The certificate of %1 was refused: %2. Its SHA-256 fingerprint is %3. If this is your shop&apos;s own certificate, start the app with --ca-file and the file of the authority that signed it.</source>
        <translation>%1의 인증서를 신뢰할 수 없습니다: %2. SHA-256 지문은 %3입니다. 우리 상점의 인증서가 맞다면 서명한 인증 기관의 파일을 --ca-file로 지정해 앱을 다시 시작하세요.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached (%2).</source>
        <translation>%1 서버에 연결할 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>서버가 HTTP %1로 응답했습니다.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>로그인 중</translation>
    </message>
    <message>
        <source>Creating the account</source>
        <translation>회원가입 중</translation>
    </message>
    <message>
        <source>Checking the shop&apos;s owner</source>
        <translation>상점 운영자 확인 중</translation>
    </message>
    <message>
        <source>Creating the shop&apos;s owner</source>
        <translation>상점 운영자 계정 만드는 중</translation>
    </message>
    <message>
        <source>Loading products</source>
        <translation>상품 불러오는 중</translation>
    </message>
    <message>
        <source>Checking stock</source>
        <translation>재고 확인 중</translation>
    </message>
    <message>
        <source>Creating the product</source>
        <translation>상품 등록 중</translation>
    </message>
    <message>
        <source>Saving the product</source>
        <translation>상품 저장 중</translation>
    </message>
    <message>
        <source>Loading top products</source>
        <translation>인기 상품 불러오는 중</translation>
    </message>
    <message>
        <source>Loading the balance</source>
        <translation>잔액 불러오는 중</translation>
    </message>
    <message>
        <source>Charging the wallet</source>
        <translation>지갑 충전 중</translation>
    </message>
    <message>
        <source>Loading the wallet history</source>
        <translation>지갑 내역 불러오는 중</translation>
    </message>
    <message>
        <source>Loading coupons</source>
        <translation>쿠폰 불러오는 중</translation>
    </message>
    <message>
        <source>Creating the coupon</source>
        <translation>쿠폰 발행 중</translation>
    </message>
    <message>
        <source>Claiming the coupon</source>
        <translation>쿠폰 받는 중</translation>
    </message>
    <message>
        <source>Loading my coupons</source>
        <translation>내 쿠폰 불러오는 중</translation>
    </message>
    <message>
        <source>Paying</source>
        <translation>결제 중</translation>
    </message>
    <message>
        <source>Loading orders</source>
        <translation>주문 불러오는 중</translation>
    </message>
    <message>
        <source>Cancelling the order</source>
        <translation>주문 취소 중</translation>
    </message>
    <message>
        <source>Loading sales</source>
        <translation>매출 불러오는 중</translation>
    </message>
    <message>
        <source>Loading outbox health</source>
        <translation>아웃박스 상태 불러오는 중</translation>
    </message>
    <message>
        <source>Loading data-platform health</source>
        <translation>데이터 플랫폼 상태 불러오는 중</translation>
    </message>
    <message>
        <source>Reading server metrics</source>
        <translation>서버 지표 읽는 중</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>Shop</source>
        <translation>쇼핑</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>수량(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Add to cart</source>
        <translation>장바구니 담기(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>상세 보기(&amp;D)…</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>상품 목록</translation>
    </message>
    <message>
        <source>No products in %2 match “%1” with these filters.</source>
        <translation>%2에서 이 조건으로 “%1”에 맞는 상품이 없습니다.</translation>
    </message>
    <message>
        <source>No products in %2 match “%1”.</source>
        <translation>%2에서 “%1”에 맞는 상품이 없습니다.</translation>
    </message>
    <message>
        <source>No products match “%1” with these filters.</source>
        <translation>이 조건으로 “%1”에 맞는 상품이 없습니다.</translation>
    </message>
    <message>
        <source>No products match “%1”.</source>
        <translation>“%1”에 맞는 상품이 없습니다.</translation>
    </message>
    <message>
        <source>No products in %1 match these filters.</source>
        <translation>%1에서 이 조건에 맞는 상품이 없습니다.</translation>
    </message>
    <message>
        <source>No products match these filters.</source>
        <translation>이 조건에 맞는 상품이 없습니다.</translation>
    </message>
    <message>
        <source>Nothing in %1 yet.</source>
        <translation>%1에는 아직 상품이 없습니다.</translation>
    </message>
    <message>
        <source>Nothing here yet: the shop has no products on sale.</source>
        <translation>아직 판매 중인 상품이 없습니다.</translation>
    </message>
    <message>
        <source>Added %1 × %2 (%3 each) to the cart.</source>
        <translation>장바구니에 담았습니다: %2 %1개(개당 %3).</translation>
    </message>
</context>
<context>
    <name>StackSupervisor</name>
    <message>
        <source>%1 stopped. Starting it again in %2 s (try %3 of %4)…</source>
        <translation>%1이(가) 멈췄습니다. %2초 뒤에 다시 시작합니다(%4번 중 %3번째)…</translation>
    </message>
    <message>
        <source>Starting %1 again (try %2 of %3)…</source>
        <translation>%1 다시 시작 중(%3번 중 %2번째)…</translation>
    </message>
    <message>
        <source>%1 is running again.</source>
        <translation>%1이(가) 다시 실행 중입니다.</translation>
    </message>
    <message>
        <source>%1 stopped and did not start again after %2 tries: %3

Quit Storefront and start it again. If it still fails, the reason is in %4.</source>
        <translation>%1이(가) 멈췄고 %2번 시도했지만 다시 시작되지 않았습니다: %3

Storefront를 종료하고 다시 시작하세요. 그래도 안 되면 %4에서 원인을 확인할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>StartupView</name>
    <message>
        <source>&amp;Sign in…</source>
        <translation>로그인(&amp;S)…</translation>
    </message>
    <message>
        <source>Storefront</source>
        <translation>Storefront</translation>
    </message>
    <message>
        <source>What the service said</source>
        <translation>서비스 메시지</translation>
    </message>
    <message>
        <source>Starting Storefront</source>
        <translation>Storefront 시작 중</translation>
    </message>
    <message>
        <source>Storefront is running</source>
        <translation>Storefront 실행 중</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>서버: %1</translation>
    </message>
    <message>
        <source>Storefront could not start</source>
        <translation>Storefront를 시작하지 못했습니다</translation>
    </message>
    <message>
        <source>A service did not come up. What it said:</source>
        <translation>서비스 하나가 시작되지 않았습니다. 서비스 메시지:</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <source>Initial stock</source>
        <translation>최초 재고</translation>
    </message>
    <message>
        <source>Sold, order #%1</source>
        <translation>판매, 주문 #%1</translation>
    </message>
    <message>
        <source>Cancelled, order #%1</source>
        <translation>취소, 주문 #%1</translation>
    </message>
    <message>
        <source>Refunded, order #%1</source>
        <translation>환불, 주문 #%1</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>조정</translation>
    </message>
    <message>
        <source>Adjusted: %1</source>
        <translation>조정: %1</translation>
    </message>
    <message>
        <source>Stock of %1</source>
        <translation>%1 재고</translation>
    </message>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변동</translation>
    </message>
    <message>
        <source>Stock after</source>
        <translation>변경 후 재고</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>By</source>
        <translation>처리자</translation>
    </message>
    <message>
        <source>No stock changes recorded yet.</source>
        <translation>아직 재고 변경 기록이 없습니다.</translation>
    </message>
    <message>
        <source>Stock history</source>
        <translation>재고 내역</translation>
    </message>
    <message>
        <source>Add to stock (delivery, found)</source>
        <translation>재고 추가(입고, 발견)</translation>
    </message>
    <message>
        <source>Take from stock (damaged, lost)</source>
        <translation>재고 차감(파손, 분실)</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>재고 조정</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>구분(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>수량(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>사유(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>적용(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; in stock now.</source>
        <translation>현재 재고 &lt;b&gt;%1&lt;/b&gt;개.</translation>
    </message>
    <message>
        <source>the shop</source>
        <translation>상점</translation>
    </message>
    <message>
        <source>Say why the stock changes (up to 200 characters).</source>
        <translation>재고를 바꾸는 사유를 입력해 주세요(200자까지).</translation>
    </message>
    <message>
        <source>Not changed: there are fewer than %1 in stock, and stock cannot go below zero.</source>
        <translation>바뀌지 않았습니다: 재고가 %1개보다 적고, 재고는 0 아래로 내려갈 수 없습니다.</translation>
    </message>
    <message>
        <source>Not changed. %1</source>
        <translation>바뀌지 않았습니다. %1</translation>
    </message>
    <message>
        <source>Added %1; %2 in stock now.</source>
        <translation>%1개 추가, 현재 재고 %2개.</translation>
    </message>
    <message>
        <source>Took %1; %2 in stock now.</source>
        <translation>%1개 차감, 현재 재고 %2개.</translation>
    </message>
    <message>
        <source>Why, e.g. “delivery 2026-12-01” or “broken in storage”</source>
        <translation>사유, 예: “12월 1일 입고”, “창고에서 파손”</translation>
    </message>
    <message>
        <source>Up to 200 characters; kept in the history.</source>
        <translation>200자까지, 재고 내역에 남습니다.</translation>
    </message>
    <message>
        <source>Only %1 in stock: you can take at most %1.</source>
        <translation>재고가 %1개뿐입니다. 최대 %1개까지 차감할 수 있습니다.</translation>
    </message>
    <message>
        <source>None in stock: there is nothing to take.</source>
        <translation>재고가 없어 차감할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>StorefrontServer</name>
    <message>
        <source>Updating the database schema…</source>
        <translation>데이터베이스 스키마 업데이트 중…</translation>
    </message>
    <message>
        <source>Starting the HTTP server…</source>
        <translation>HTTP 서버 시작 중…</translation>
    </message>
</context>
<context>
    <name>TrafficChart</name>
    <message>
        <source>Requests and p95 latency</source>
        <translation>요청 수와 p95 응답 시간</translation>
    </message>
    <message>
        <source>seconds on this page</source>
        <translation>이 화면을 연 뒤 지난 초</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>초당 요청</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>Now: &lt;b&gt;%1&lt;/b&gt; requests/s, mean %2 ms, p95 %3 ms</source>
        <translation>현재: 초당 요청 &lt;b&gt;%1&lt;/b&gt;, 평균 %2ms, p95 %3ms</translation>
    </message>
</context>
<context>
    <name>UsernameRule</name>
    <message>
        <source>space</source>
        <translation>공백</translation>
    </message>
    <message>
        <source>%1 to %2 characters: A–Z, a–z, 0–9 and _ . -</source>
        <translation>%1~%2자: 영문 A–Z, a–z, 숫자 0–9, _ . -</translation>
    </message>
    <message>
        <source>Only A–Z, a–z, 0–9 and _ . - (not “%1”).</source>
        <translation>영문 A–Z, a–z, 숫자 0–9, _ . -만 쓸 수 있습니다(“%1” 불가).</translation>
    </message>
    <message>
        <source>%1 to %2 characters: A–Z, a–z, 0–9 and _ . - (this has %3).</source>
        <translation>%1~%2자: 영문 A–Z, a–z, 숫자 0–9, _ . -(지금 %3자).</translation>
    </message>
</context>
<context>
    <name>WalletPage</name>
    <message>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>What</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>거래 후 잔액</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Nothing here yet. Charges, payments and refunds will be listed here.</source>
        <translation>아직 내역이 없습니다. 충전, 결제, 환불이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Wallet history</source>
        <translation>지갑 내역</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>잔액</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&amp;Amount to charge</source>
        <translation>충전 금액(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. 50,000</source>
        <translation>예: 50,000</translation>
    </message>
    <message>
        <source>C&amp;harge</source>
        <translation>충전하기(&amp;H)</translation>
    </message>
    <message>
        <source>Put %1 in the amount</source>
        <translation>충전 금액에 %1 넣기</translation>
    </message>
    <message>
        <source>History</source>
        <translation>이용 내역</translation>
    </message>
    <message>
        <source>The wallet holds at most %1: you can add up to %2 now.</source>
        <translation>지갑에는 최대 %1까지 넣을 수 있어 지금은 %2까지 충전할 수 있습니다.</translation>
    </message>
    <message>
        <source>The wallet is full: it holds at most %1.</source>
        <translation>지갑이 가득 찼습니다. 최대 %1까지 넣을 수 있습니다.</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>충전</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <source>Charging %1…</source>
        <translation>%1 충전 중…</translation>
    </message>
    <message>
        <source>Not charged: %1</source>
        <translation>충전되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Charged %1. The balance is now %2.</source>
        <translation>%1 충전 완료. 현재 잔액 %2.</translation>
    </message>
    <message>
        <source>The balance will then be %1.</source>
        <translation>충전 후 잔액: %1</translation>
    </message>
    <message>
        <source>Charge %1?</source>
        <translation>%1 충전할까요?</translation>
    </message>
    <message>
        <source>%1 will be added to the wallet.</source>
        <translation>지갑에 더해지는 금액: %1</translation>
    </message>
    <message>
        <source>Don&apos;t charge</source>
        <translation>충전하지 않기</translation>
    </message>
    <message>
        <source>C&amp;harge %1</source>
        <translation>%1 충전하기(&amp;H)</translation>
    </message>
</context>
</TS>
