package cn.fpjc.core.funds.spending;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The scanned voucher of a payment (JPEG, PNG or PDF by its bytes), apart from the payment so that sums never read blobs. */
@Entity
@Table(name = "fund_payment_voucher")
public class PaymentVoucher extends PanacheEntityBase {
    @Id
    @Column(name = "payment_id")
    public Long paymentId;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "content_type", nullable = false, length = 40)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(nullable = false, columnDefinition = "MEDIUMBLOB")
    public byte[] bytes;
}
